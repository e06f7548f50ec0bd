import warnings
import collections.abc
class CommandError(Exception):
    pass
def warn(msg, stacklevel=2):
    warnings.warn(msg, UserWarning, stacklevel=stacklevel)
class memoized_property:
    def __init__(self, fget):
        self.fget = fget
        self.__name__ = fget.__name__
    def __get__(self, obj, cls):
        if obj is None: return self
        obj.__dict__[self.__name__] = result = self.fget(obj)
        return result
def to_tuple(x, default=None):
    if x is None:
        return default
    elif isinstance(x, str):
        return (x,)
    elif isinstance(x, collections.abc.Iterable):
        return tuple(x)
    else:
        return (x,)
def dedupe_tuple(tup):
    return tuple(unique_list(tup))
def unique_list(seq, hashfunc=None):
    seen = set()
    seen_add = seen.add
    if not hashfunc:
        return [x for x in seq if x not in seen and not seen_add(x)]
    else:
        return [x for x in seq if hashfunc(x) not in seen and not seen_add(hashfunc(x))]
def format_as_comma(value):
    if value is None:
        return ""
    elif isinstance(value, str):
        return value
    elif isinstance(value, collections.abc.Iterable):
        return ", ".join(value)
    else:
        raise ValueError("Don't know how to comma-format %r" % value)
def not_none(x):
    assert x is not None
    return x
