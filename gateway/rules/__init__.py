"""The iWmo rule set: every intra-message rule (CD, CS, TR) of the standard's validation, one class per code."""
