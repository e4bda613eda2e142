"""Turn news articles plus editorial data into the Markdown pages of an explainer site."""
