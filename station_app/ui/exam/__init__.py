"""The examination desks: vital signs, the doctor and counselling, hosted as tabs of the exam page."""
