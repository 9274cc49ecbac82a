"""The iWmo rule set: every intra-message rule (CD, CS, TR) of the standard, one class per code."""
