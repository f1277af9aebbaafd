"""The editors' admin of the patient content; phases/admin.py imports its modules."""
