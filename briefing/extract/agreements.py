def find_agreements(doc):
    return []
