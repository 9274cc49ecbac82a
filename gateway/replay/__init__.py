"""Scenario replay for integration testers: scenario directories in, a pass or fail per step out."""
