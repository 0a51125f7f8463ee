"""Quotations and their speakers: who speaks, in their own words or reported."""
