"""kreader: a terminal reader for scraped Chinese articles (UI-free core)."""

__version__ = "0.1.0"
