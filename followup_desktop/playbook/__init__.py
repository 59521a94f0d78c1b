"""The follow-up playbook: the engine that turns a timeline into the next steps to take."""

from .engine import (
    apply_states, compute_actions, compute_all, compute_each, employer_top_outbound, open_at,
    urgency_at, urgency_key,
)
from .model import Action, ActionState, ApplicationIn, ContactIn, EventIn

__all__ = [
    "Action", "ActionState", "ApplicationIn", "ContactIn", "EventIn",
    "apply_states", "compute_actions", "compute_all", "compute_each", "employer_top_outbound", "open_at",
    "urgency_at", "urgency_key",
]
