import json, sys
runs = [json.load(open(p)) for p in sys.argv[1:5]]
INPUT = {'command_cases': ('fixture','cmd','current','target'), 'stamp_cases': ('fixture','stamp','current'),
         'history_cases': ('fixture','range','current'), 'iterate_cases': ('fixture','upper','lower','inclusive','implicit_base','select_for_downgrade')}
out = {'source': 'sqlalchemy/alembic @ 20e58db01cad3432c24734e11b893303cdb687a4 (1.19.2.dev)',
       'semantics': {
         'about': 'Random graphs and commands recorded from Alembic\'s own code (revision.py, ScriptDirectory._upgrade_revs/_downgrade_revs/_stamp_revs/walk_revisions/_catch_revision_errors, RevisionStep/StampStep + HeadMaintainer.update_to_step) under PYTHONHASHSEED 0-3; only cases whose outcome is identical under all four seeds are kept, and cases where Alembic itself crashes (AssertionError, KeyError) are left out. Field meanings as in alembic-traversal.json.',
         'command_cases.ops': 'per step, the alembic_version row changes; omitted when they differ between hash seeds (merge/unmerge parent choice).',
         'command_cases.raw_error': 'message of the RevisionError behind the CommandError, when it differs.',
         'history_cases': "command.history(rev_range) without an environment: 'current' stands for the given rows; expected = walk_revisions(base or 'base', head or 'heads') order, newest first.",
       },
       'fixtures': runs[0]['fixtures']}
stats = {}
for kind, keys in INPUT.items():
    maps = []
    for r in runs:
        m = {}
        for c in r[kind]:
            m[json.dumps([c.get(k) for k in keys])] = c
        maps.append(m)
    kept = []
    dropped = 0
    for key, c in maps[0].items():
        others = [m.get(key) for m in maps[1:]]
        if any(o is None for o in others):
            dropped += 1; continue
        strip = lambda x: {k: v for k, v in x.items() if k != 'ops'}
        if any(strip(o) != strip(c) for o in others):
            dropped += 1; continue
        c = dict(c)
        if 'ops' in c and any(o.get('ops') != c['ops'] for o in others):
            del c['ops']
        if not c.get('warnings'):
            c.pop('warnings', None)
        kept.append(c)
    out[kind] = kept
    stats[kind] = (len(kept), dropped)
json.dump(out, sys.stdout, separators=(',', ':'))
print(stats, [r['crashes'] for r in runs], file=sys.stderr)
