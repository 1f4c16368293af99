"""Sources: every reference figure, filterable by topic and confidence, downloadable as CSV."""

from explainers.ui import current_lang, sources

lang = current_lang()
sources.heading(lang)
sources.references(lang)  # filters, a page of the table and the CSV: one fragment
sources.legend(lang)
