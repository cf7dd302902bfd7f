"""Careers-site generator for Norwegian municipal health and care services.

The build is one pipeline (``generator.pipeline``): load → validate → check → render → publish.
"""
