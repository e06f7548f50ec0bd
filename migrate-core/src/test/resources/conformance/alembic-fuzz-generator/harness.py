import ast, os, sys, warnings, contextlib, logging
from typing import Any, cast, Iterator, Sequence
HERE = os.path.dirname(os.path.abspath(__file__))
ALEMBIC = os.environ['ALEMBIC_SRC']  # a checkout of sqlalchemy/alembic at the commit named in the JSON
sys.path.insert(0, os.path.join(HERE, 'shim'))
from alembic import util
import importlib.util
_spec = importlib.util.spec_from_file_location('alembic.script.revision', os.path.join(ALEMBIC, 'alembic/script/revision.py'))
revision = importlib.util.module_from_spec(_spec)
sys.modules['alembic.script.revision'] = revision
_spec.loader.exec_module(revision)

def extract(path, cls, names):
    src = open(path).read()
    tree = ast.parse(src)
    out = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == cls:
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name in names:
                    out.append(ast.get_source_segment(src, item, padded=False))
                    # keep decorators
                    decos = [ast.get_source_segment(src, d) for d in item.decorator_list]
                    out[-1] = "".join("@%s\n" % d for d in decos) + out[-1]
    return out

def extract_classes(path, names):
    src = open(path).read()
    tree = ast.parse(src)
    return [ast.get_source_segment(src, n) for n in tree.body if isinstance(n, ast.ClassDef) and n.name in names]

import textwrap
ns = {'util': util, 'revision': revision, 'cast': cast, 'Any': Any, 'Iterator': Iterator, 'contextmanager': contextlib.contextmanager,
      'Sequence': Sequence, 'log': logging.getLogger('x'), 'annotations': None}
# migration classes
mig_src = "from __future__ import annotations\n" + "\n\n".join(extract_classes(os.path.join(ALEMBIC, 'alembic/runtime/migration.py'), ['MigrationStep', 'RevisionStep', 'StampStep']))
mig_ns = dict(ns)
mig_ns['TYPE_CHECKING'] = False
exec(compile(mig_src, 'migration_classes', 'exec'), mig_ns)
class migration:
    MigrationStep = mig_ns['MigrationStep']
    RevisionStep = mig_ns['RevisionStep']
    StampStep = mig_ns['StampStep']
ns['migration'] = migration
methods = extract(os.path.join(ALEMBIC, 'alembic/script/base.py'), 'ScriptDirectory', ['_catch_revision_errors', 'walk_revisions', 'get_revisions', 'iterate_revisions', '_upgrade_revs', '_downgrade_revs', '_stamp_revs'])
body = "from __future__ import annotations\nclass ScriptDirectory:\n" + "\n".join(textwrap.indent(textwrap.dedent("    " + m if not m.startswith(' ') else m), '    ') for m in methods)
body = "from __future__ import annotations\nclass ScriptDirectory:\n" + "\n\n".join(textwrap.indent(m, '    ') for m in methods)
ns['_RevIdType'] = Any; ns['_GetRevArg'] = Any; ns['RevisionStep'] = Any; ns['StampStep'] = Any; ns['Script'] = Any
exec(compile(body, 'script_dir', 'exec'), ns)
ScriptDirectory = ns['ScriptDirectory']

class FakeModule:
    def upgrade(self): pass
    def downgrade(self): pass

def make_map(revs):
    def gen():
        out = []
        for r in revs:
            rv = revision.Revision(r['rev'], tuple(r['down']) if r['down'] else None,
                                   dependencies=tuple(r['depends_on']) if r.get('depends_on') else None,
                                   branch_labels=tuple(r['labels']) if r.get('labels') else None)
            rv.module = FakeModule()
            out.append(rv)
        return out
    return revision.RevisionMap(gen)

def script_dir(revs):
    sd = ScriptDirectory()
    sd.revision_map = make_map(revs)
    sd.revision_map.heads  # build
    return sd

def update_to_step(heads, step, ops):
    # HeadMaintainer.update_to_step over a Python set
    def ins(v):
        assert v not in heads
        heads.add(v); ops.append("INSERT %s" % v)
    def dele(v):
        heads.remove(v); ops.append("DELETE %s" % v)
    def upd(f, t):
        assert t not in heads
        heads.remove(f); heads.add(t); ops.append("UPDATE %s->%s" % (f, t))
    if step.should_delete_branch(heads):
        dele(step.delete_version_num)
    elif step.should_create_branch(heads):
        ins(step.insert_version_num)
    elif step.should_merge_branches(heads):
        d, f, t = step.merge_branch_idents(heads)
        for x in d: dele(x)
        upd(f, t)
    elif step.should_unmerge_branches(heads):
        f, t, i = step.unmerge_branch_idents(heads)
        for x in i: ins(x)
        upd(f, t)
    else:
        f, t = step.update_version_num(heads)
        upd(f, t)
