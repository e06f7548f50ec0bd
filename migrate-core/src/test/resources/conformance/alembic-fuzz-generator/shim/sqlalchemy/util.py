OrderedDict = dict
class OrderedSet(dict):
    def __init__(self, it=()):
        super().__init__()
        for x in it: self[x] = True
    def add(self, x): self[x] = True
    def discard(self, x): self.pop(x, None)
    def __iter__(self): return iter(list(self.keys()))
