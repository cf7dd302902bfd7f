"""The content model: one typed model per content type; its field descriptions are the
reference for comms staff (docs/felt.md) and the JSON Schemas (`careers schema`)."""

from generator.models.event import Event
from generator.models.job import Job
from generator.models.organisation import Employer, Profession, Unit
from generator.models.page import Page
from generator.models.placement import Placement
from generator.models.site_config import SiteConfig
from generator.models.story import Story

__all__ = [
    "Employer",
    "Event",
    "Job",
    "Page",
    "Placement",
    "Profession",
    "SiteConfig",
    "Story",
    "Unit",
]
