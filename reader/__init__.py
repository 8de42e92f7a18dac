"""kreader: a terminal reader for scraped Chinese articles (UI-free core)."""

__version__ = "0.1.0"  # the build's version; at run time reader.about.version() reads the installed metadata

# Names the distribution this package belongs to: another distribution called `reader` can
# install a package of the same name over this one (reader.cli.foreign_reader checks).
DISTRIBUTION = "kreader"
