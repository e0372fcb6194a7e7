"""kg's ontology folder, shipped in the wheel as the package ``kg._ontology``.

It holds data only (``kg.ttl``, ``relations.tsv``); read it through :mod:`kg.ontology`.
"""
