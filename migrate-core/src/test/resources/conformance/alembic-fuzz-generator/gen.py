import sys, json, random, warnings, signal
class Timeout(BaseException):
    pass
def _alarm(*a):
    raise Timeout()
signal.signal(signal.SIGALRM, _alarm)
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
import harness
from harness import util, revision

def gen_graph(rnd):
    n = rnd.randint(2, 22)
    revs = []
    labels = {}
    style = rnd.choice(['short', 'hex', 'prefix'])
    ids = []
    for i in range(n):
        if style == 'short':
            rid = 'r%d' % i
        elif style == 'hex':
            rid = '%012x' % rnd.getrandbits(48)
        else:
            rid = 'ab%s%d' % (rnd.choice('cd'), i) if rnd.random() < 0.5 else 'abc%d%s' % (i % 3, rnd.choice(['', 'x', 'xy']) + str(i))
        ids.append(rid)
    for i in range(n):
        rid = ids[i]
        down = []
        if i > 0:
            shape = rnd.random()
            if shape < 0.15:
                down = []
            elif shape < 0.8:
                down = [ids[rnd.randrange(i)]]
            else:
                k = min(i, rnd.choice([2, 2, 3]))
                down = rnd.sample(ids[:i], k)
        deps = []
        if i > 0 and rnd.random() < 0.2:
            t = ids[rnd.randrange(i)]
            deps = [labels.get(t, t) if rnd.random() < 0.5 else t]
            if t in down and rnd.random() < 0.5:
                deps = []
        labs = []
        if rnd.random() < 0.25:
            labs = ['lab%d' % i]
            labels[rid] = labs[0]
        r = {'rev': rid, 'down': down}
        if labs: r['labels'] = labs
        if deps: r['depends_on'] = deps
        revs.append(r)
    return revs

def with_raw(e):
    out = {'error': str(e)}
    if e.__cause__ is not None and str(e.__cause__) != str(e):
        out['raw_error'] = str(e.__cause__)
    return out

def err_text(e):
    return str(e)

def run_cmd(sd, cmd, current, target):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try:
            if cmd == 'upgrade':
                steps = sd._upgrade_revs(tuple(target) if isinstance(target, list) else target, tuple(current))
            else:
                steps = sd._downgrade_revs(target, tuple(current))
        except util.CommandError as e:
            raw = e.__cause__
            out = {'error': err_text(e)}
            if raw is not None and str(raw) != str(e):
                out['raw_error'] = str(raw)
            out['warnings'] = [str(x.message) for x in w]
            return out
    heads = set(current)
    ops = []
    trace = []
    for s in steps:
        before = len(ops)
        harness.update_to_step(heads, s, ops)
        trace.append(ops[before:])
    return {'steps': [('up:' if s.is_upgrade else 'down:') + s.revision.revision for s in steps],
            'heads_after': sorted(heads), 'ops': trace, 'warnings': [str(x.message) for x in w]}

def run_stamp(sd, current, dest):
    try:
        steps = sd._stamp_revs(tuple(dest) if isinstance(dest, list) else dest, tuple(current))
    except util.CommandError as e:
        return with_raw(e)
    heads = set(current)
    ops = []
    for s in steps:
        harness.update_to_step(heads, s, ops)
    return {'steps': [{'from': list(s.from_), 'to': list(s.to_), 'is_upgrade': s.is_upgrade, 'branch_move': s.branch_move} for s in steps],
            'heads_after': sorted(heads)}

def run_history(sd, rng, current):
    # command.history without the environment: 'current' is substituted by the given rows
    try:
        if ':' not in rng:
            raise util.CommandError("History range requires [start]:[end], [start]:, or :[end]")
        base, head = rng.strip().split(':')
        if head == 'current':
            head = tuple(current)
        elif base == 'current':
            base = tuple(current)
        return {'expected': [s.revision for s in sd.walk_revisions(base=base or 'base', head=head or 'heads')]}
    except util.CommandError as e:
        return with_raw(e)

def run_iterate(sd, upper, lower, inclusive, implicit_base, sfd):
    try:
        return {'expected': [r.revision for r in sd.revision_map.iterate_revisions(
            tuple(upper) if isinstance(upper, list) else upper, tuple(lower) if isinstance(lower, list) else lower,
            inclusive=inclusive, implicit_base=implicit_base, select_for_downgrade=sfd)]}
    except revision.RevisionError as e:
        return {'error': '%s: %s' % (type(e).__name__, e)}

def main(seed, count):
    rnd = random.Random(seed)
    fixtures = {}
    cmds, stamps, hists, iters = [], [], [], []
    counters = {'crashes': 0}
    slow = []
    for g in range(count):
        revs = gen_graph(rnd)
        name = 'fuzz%03d' % g
        try:
            sd = harness.script_dir(revs)
        except Exception as e:
            continue
        signal.alarm(20)
        try:
            one_graph(rnd, name, revs, sd, fixtures, cmds, stamps, hists, iters, counters)
        except Timeout:
            slow.append(name)
            for lst in (cmds, stamps, hists, iters):
                lst[:] = [c for c in lst if c['fixture'] != name]
            fixtures.pop(name, None)
        signal.alarm(0)
    return {'fixtures': fixtures, 'command_cases': cmds, 'stamp_cases': stamps, 'history_cases': hists, 'iterate_cases': iters, 'crashes': counters['crashes'], 'slow': slow}

def one_graph(rnd, name, revs, sd, fixtures, cmds, stamps, hists, iters, counters):
    if True:
        fixtures[name] = {'revisions': revs}
        ids = [r['rev'] for r in revs]
        labs = [l for r in revs for l in r.get('labels', [])]
        def pick_id():
            x = rnd.choice(ids)
            r = rnd.random()
            if len(x) > 4 and r < 0.2:
                return x[:4]
            if len(x) > 3 and r < 0.3:
                return x[:3]
            return x
        # reachable states
        states = [[]]
        for tgt in ['heads', rnd.choice(ids), [rnd.choice(ids), rnd.choice(ids)]]:
            try:
                steps = sd._upgrade_revs(tuple(tgt) if isinstance(tgt, list) else tgt, ())
                heads = set()
                for s in steps:
                    harness.update_to_step(heads, s, [])
                st = sorted(heads)
                rnd.shuffle(st)
                states.append(st)
            except Exception:
                pass
        if len(states) > 1:
            try:
                full = states[1]
                steps = sd._downgrade_revs(rnd.choice(ids), tuple(full))
                heads = set(full)
                for s in steps:
                    harness.update_to_step(heads, s, [])
                states.append(sorted(heads))
            except Exception:
                pass
        up_targets = ['heads', 'head', '+1', '+2', '-1', 'head-1', 'heads-1', 'base+1', 'base+2']
        down_targets = ['base', '-1', '-2', '+1', 'head-1', 'base+1']
        for _ in range(6):
            up_targets.append(pick_id())
            down_targets.append(pick_id())
        for _ in range(2):
            i = rnd.choice(ids)
            up_targets += [i + '+1', i + '-1', [rnd.choice(ids), rnd.choice(ids)]]
            down_targets += [i + '-1', i + '+1', i + '@base', rnd.choice(ids) + '@' + rnd.choice(ids)]
        for l in labs:
            up_targets += [l, l + '@head', l + '@heads', l + '@+1', l + '@head-1', l + '@base+1']
            down_targets += [l + '@base', l + '@-1', l + '@' + rnd.choice(ids), l + '@head-1', l, l + '@base+1']
        for cmd, targets in (('upgrade', up_targets), ('downgrade', down_targets)):
            for t in targets:
                cur = rnd.choice(states)
                try:
                    res = run_cmd(sd, cmd, cur, t)
                except Exception as e:
                    counters['crashes'] += 1
                    continue
                c = {'fixture': name, 'cmd': cmd, 'current': cur, 'target': t}
                c.update(res)
                cmds.append(c)
        for t in ['heads', 'base', rnd.choice(ids), rnd.choice(ids), [rnd.choice(ids), rnd.choice(ids)]] + [l + '@head' for l in labs] + [l + '@base' for l in labs]:
            cur = rnd.choice(states)
            try:
                res = run_stamp(sd, cur, t)
            except Exception:
                counters['crashes'] += 1
                continue
            c = {'fixture': name, 'stamp': t, 'current': cur}
            c.update(res)
            stamps.append(c)
        for r in [':', 'base:', ':heads', pick_id() + ':', ':' + pick_id(), pick_id() + ':' + pick_id(), '-1:', ':-1', 'current:', ':current', '-2:current', 'x', rnd.choice(ids) + ':+1'] + [l + '@base:' for l in labs] + [':' + l + '@head' for l in labs]:
            cur = rnd.choice(states)
            try:
                res = run_history(sd, r, cur)
            except Exception:
                counters['crashes'] += 1
                continue
            c = {'fixture': name, 'range': r, 'current': cur}
            c.update(res)
            hists.append(c)
        for _ in range(6):
            upper = rnd.choice(['heads', rnd.choice(ids), [rnd.choice(ids), rnd.choice(ids)]] + [l + '@head' for l in labs])
            sfd = rnd.random() < 0.4
            lower = rnd.choice(['base', rnd.choice(ids)] + ([] if sfd else [[rnd.choice(ids)], []]) + [l + '@base' for l in labs])
            inclusive = rnd.random() < 0.5
            implicit = rnd.random() < 0.3
            try:
                res = run_iterate(sd, upper, lower, inclusive, implicit, sfd)
            except Exception:
                counters['crashes'] += 1
                continue
            c = {'fixture': name, 'upper': upper, 'lower': lower, 'inclusive': inclusive, 'implicit_base': implicit, 'select_for_downgrade': sfd}
            c.update(res)
            iters.append(c)

if __name__ == '__main__':
    seed, count = int(sys.argv[1]), int(sys.argv[2])
    json.dump(main(seed, count), sys.stdout)
