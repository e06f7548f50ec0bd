package dev.migrate.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The revision graph with Alembic's semantics (RevisionMap + ScriptDirectory traversal).
 *
 * <p>A port of Alembic 1.19's {@code alembic/script/revision.py} ({@code RevisionMap}),
 * {@code ScriptDirectory._upgrade_revs/_downgrade_revs/_stamp_revs/walk_revisions} and
 * {@code HeadMaintainer}: identifiers resolve as Alembic resolves them, plans come out in the same
 * order (the topological sort breaks ties by load order), and errors carry Alembic's command-line
 * messages. Immutable and safe to share between threads once built.
 */
public final class RevisionGraph {

	/** The logger, created on first use: finding the logging backend scans the class path, which a start at head need not pay. */
	private static final class Log {

		static final System.Logger LOGGER = System.getLogger(RevisionGraph.class.getName());

	}

	/**
	 * The patterns, compiled on first use: most plans never need them (a start at head reads no
	 * relative target), and compiling them costs on a cold start.
	 */
	private static final class Patterns {

		/** Alembic's {@code _relative_destination}, applied with {@code re.match} (anchored at the start only). */
		static final Pattern RELATIVE = Pattern.compile("(?:(.+?)@)?(\\w+)?((?:\\+|-)\\d+)",
				Pattern.UNICODE_CHARACTER_CLASS);

	}

	/** The edges a walk follows: one class rather than lambdas, which cost a bootstrap each on a cold start. */
	private static final class Edges implements Function<Rev, Rev[]> {

		static final Edges DOWN = new Edges(0);

		static final Edges NEXT = new Edges(1);

		static final Edges ALL_DOWN = new Edges(2);

		static final Edges ALL_NEXT = new Edges(3);

		static final Edges NORMALIZED_DOWN = new Edges(4);

		private final int kind;

		private Edges(int kind) {
			this.kind = kind;
		}

		@Override
		public Rev[] apply(Rev rev) {
			switch (this.kind) {
				case 0:
					return rev.downRevs;
				case 1:
					return rev.nextrev;
				case 2:
					return rev.allDownRevs;
				case 3:
					return rev.allNextrev;
				default:
					return rev.normalizedDownRevs;
			}
		}

	}

	/** Whether {@code value} can start a match of {@link Patterns#RELATIVE}: it needs a sign. */
	private static boolean mayBeRelative(String value) {
		return value.indexOf('+') >= 0 || value.indexOf('-') >= 0;
	}

	static final String DOWNGRADE_MINUS_ONE_WARNING = "downgrade -1 from multiple heads is ambiguous; "
			+ "this usage will be disallowed in a future release.";

	private static final String MULTIPLE_HEADS_TEMPLATE = "Multiple head revisions are present for given argument "
			+ "'%(head_arg)s'; please specify a specific target revision, '<branchname>@%(head_arg)s' to narrow to a "
			+ "specific head, or 'heads' for all heads";

	private static final String RANGE_TEMPLATE = "Requested range %(start)s:%(end)s does not refer to "
			+ "ancestor/descendant revisions along the same branch";

	private final List<RevisionNode> revisions;

	private final Rev[] revs;

	private final Map<String, Rev> byId;

	/** Alembic's {@code _revision_map} keys: ids in load order, then branch labels. */
	private final Map<String, Rev> keys;

	/** Key → position among {@link #keys}, for prefix lookups; built on the first one. */
	private volatile TreeMap<String, Integer> keyOrder;

	private final List<String> heads;

	private final List<String> realHeads;

	private final List<String> bases;

	private final List<String> realBases;

	/** Whether any revision declares a dependency (else the dependency-aware walks equal the plain ones). */
	private final boolean hasDependencies;

	private RevisionGraph(List<RevisionNode> revisions) {
		this.revisions = List.copyOf(revisions);
		int n = this.revisions.size();
		this.revs = new Rev[n];
		this.byId = new HashMap<>(n * 2);
		this.keys = new LinkedHashMap<>(n * 2);
		// Revision.__init__: self-loops and illegal characters
		for (RevisionNode node : this.revisions) {
			verify(node);
		}
		for (int i = 0; i < n; i++) {
			RevisionNode node = this.revisions.get(i);
			Rev rev = new Rev(node, i);
			if (this.byId.putIfAbsent(node.id(), rev) != null) {
				throw new DuplicateRevisionException(node.id());
			}
			this.revs[i] = rev;
			this.keys.put(node.id(), rev);
		}
		// _map_branch_labels
		for (Rev rev : this.revs) {
			for (String label : rev.declaredLabels) {
				Rev used = this.keys.get(label);
				if (used != null) {
					throw new DuplicateBranchLabelException(label, rev.id, used.id);
				}
				this.keys.put(label, rev);
			}
		}
		// _add_depends_on
		boolean dependencies = false;
		for (Rev rev : this.revs) {
			if (!rev.node.dependsOn().isEmpty()) {
				dependencies = true;
				LinkedHashSet<String> resolved = new LinkedHashSet<>();
				for (String dep : rev.node.dependsOn()) {
					Rev target = this.keys.get(dep);
					if (target == null) {
						throw new MissingRevisionException(dep, rev.id);
					}
					resolved.add(target.id);
				}
				rev.resolvedDeps = List.copyOf(resolved);
			}
		}
		this.hasDependencies = dependencies;
		// link down revisions and dependencies; compute heads
		boolean[] hasChild = new boolean[n];
		boolean[] hasAnyChild = new boolean[n];
		for (Rev rev : this.revs) {
			rev.downRevs = lookupAll(rev, rev.down);
			if (rev.resolvedDeps.isEmpty()) {
				rev.allDownRevs = rev.downRevs; // down revisions hold no duplicates (RevisionNode)
			}
			else {
				LinkedHashSet<String> all = new LinkedHashSet<>(rev.down);
				all.addAll(rev.resolvedDeps);
				rev.allDownRevs = lookupAll(rev, all);
			}
			for (Rev down : rev.allDownRevs) {
				down.allNextrevBuild.add(rev);
				hasAnyChild[down.index] = true;
			}
			for (Rev down : rev.downRevs) {
				down.nextrevBuild.add(rev);
				hasChild[down.index] = true;
			}
		}
		for (Rev rev : this.revs) {
			rev.nextrev = rev.nextrevBuild.toArray(Rev.NONE);
			rev.allNextrev = rev.allNextrevBuild.toArray(Rev.NONE);
			rev.nextrevBuild.clear();
			rev.allNextrevBuild.clear();
		}
		normalizeDependsOn();
		List<Rev> headRevs = new ArrayList<>();
		List<Rev> realHeadRevs = new ArrayList<>();
		List<Rev> baseRevs = new ArrayList<>();
		List<Rev> realBaseRevs = new ArrayList<>();
		for (Rev rev : this.revs) {
			if (!hasChild[rev.index]) {
				headRevs.add(rev);
			}
			if (!hasAnyChild[rev.index]) {
				realHeadRevs.add(rev);
			}
			if (rev.isBase()) {
				baseRevs.add(rev);
			}
			if (rev.isRealBase()) {
				realBaseRevs.add(rev);
			}
		}
		detectCycles(headRevs, baseRevs, realHeadRevs, realBaseRevs);
		this.heads = ids(headRevs);
		this.realHeads = ids(realHeadRevs);
		this.bases = ids(baseRevs);
		this.realBases = ids(realBaseRevs);
		addBranches();
	}

	/**
	 * Builds and validates the graph. {@code revisions} are in load order (the tie-breaker of the
	 * topological sort). Throws on duplicate ids, missing down revisions or dependencies, cycles,
	 * duplicate branch labels.
	 */
	public static RevisionGraph of(List<RevisionNode> revisions) {
		return new RevisionGraph(revisions);
	}

	// ---------------------------------------------------------------- construction

	private static void verify(RevisionNode node) {
		String id = node.id();
		if (node.downRevisions().contains(id)) {
			throw new CycleDetectedException(CycleDetectedException.Kind.SELF_LOOP, List.of(id));
		}
		if (node.dependsOn().contains(id)) {
			throw new CycleDetectedException(CycleDetectedException.Kind.DEPENDENCY_SELF_LOOP, List.of(id));
		}
		if (id.isEmpty()) {
			throw new IllegalRevisionIdException("Revision identifier must not be empty", id);
		}
		if (id.indexOf('+') < 0 && id.indexOf('-') < 0 && id.indexOf(':') < 0 && id.indexOf('@') < 0) {
			return;
		}
		StringBuilder chars = new StringBuilder();
		// sorted as Python sorts them: + - : @
		for (char c : new char[] { '+', '-', ':', '@' }) {
			if (id.indexOf(c) >= 0) {
				chars.append(chars.isEmpty() ? "" : ", ").append(c);
			}
		}
		if (!chars.isEmpty()) {
			throw new IllegalRevisionIdException(
					"Character(s) '" + chars + "' not allowed in revision identifier '" + id + "'", id);
		}
	}

	private Rev[] lookupAll(Rev from, Collection<String> ids) {
		Rev[] result = new Rev[ids.size()];
		int i = 0;
		for (String id : ids) {
			Rev rev = this.byId.get(id);
			if (rev == null) {
				throw new MissingRevisionException(id, from.id);
			}
			result[i++] = rev;
		}
		return result;
	}

	/** Alembic's {@code _normalize_depends_on}. */
	private void normalizeDependsOn() {
		for (Rev rev : this.revs) {
			if (!rev.resolvedDeps.isEmpty()) {
				LinkedHashSet<String> normalized = new LinkedHashSet<>(rev.resolvedDeps);
				BitSet ancestors = related(List.of(rev), Edges.DOWN, false);
				for (int i = ancestors.nextSetBit(0); i >= 0; i = ancestors.nextSetBit(i + 1)) {
					if (i != rev.index) {
						normalized.removeAll(this.revs[i].resolvedDeps);
					}
				}
				rev.normalizedDeps = List.copyOf(normalized);
			}
			if (rev.normalizedDeps.isEmpty()) {
				// the common case: nothing to add to the down revisions (which hold no duplicates)
				rev.normalizedDown = rev.down;
				rev.normalizedDownRevs = rev.downRevs;
				continue;
			}
			LinkedHashSet<String> down = new LinkedHashSet<>(rev.down);
			down.addAll(rev.normalizedDeps);
			rev.normalizedDown = List.copyOf(down);
			Rev[] downRevs = new Rev[down.size()];
			int i = 0;
			for (String id : down) {
				downRevs[i++] = this.byId.get(id);
			}
			rev.normalizedDownRevs = downRevs;
		}
	}

	/** Alembic's {@code _detect_cycles}. */
	private void detectCycles(List<Rev> headRevs, List<Rev> baseRevs, List<Rev> realHeadRevs,
			List<Rev> realBaseRevs) {
		if (this.revs.length == 0) {
			return;
		}
		if (headRevs.isEmpty() || baseRevs.isEmpty()) {
			throw new CycleDetectedException(CycleDetectedException.Kind.CYCLE, ids(List.of(this.revs)));
		}
		BitSet space = related(headRevs, Edges.DOWN, false);
		space.and(related(baseRevs, Edges.NEXT, false));
		if (space.cardinality() != this.revs.length) {
			throw new CycleDetectedException(CycleDetectedException.Kind.CYCLE, missingSorted(space));
		}
		if (realHeadRevs.isEmpty() || realBaseRevs.isEmpty()) {
			throw new CycleDetectedException(CycleDetectedException.Kind.DEPENDENCY_CYCLE, ids(List.of(this.revs)));
		}
		if (!this.hasDependencies) {
			// without dependencies every edge is a down-revision edge: the walk below is the one above
			return;
		}
		space = related(realHeadRevs, Edges.ALL_DOWN, false);
		space.and(related(realBaseRevs, Edges.ALL_NEXT, false));
		if (space.cardinality() != this.revs.length) {
			throw new CycleDetectedException(CycleDetectedException.Kind.DEPENDENCY_CYCLE, missingSorted(space));
		}
	}

	private List<String> missingSorted(BitSet space) {
		List<String> missing = new ArrayList<>();
		for (Rev rev : this.revs) {
			if (!space.get(rev.index)) {
				missing.add(rev.id);
			}
		}
		Collections.sort(missing);
		return missing;
	}

	/**
	 * Alembic's {@code _add_branches}: labels go to every versioned descendant, then from the last
	 * descendant visited down through its ancestors until a branch point or merge point.
	 */
	private void addBranches() {
		for (Rev revision : this.revs) {
			if (revision.declaredLabels.isEmpty()) {
				continue;
			}
			Rev node = revision;
			BitSet seen = new BitSet(this.revs.length);
			ArrayDeque<Rev> todo = new ArrayDeque<>();
			todo.addLast(revision);
			while (!todo.isEmpty()) {
				Rev rev = todo.removeLast();
				if (seen.get(rev.index)) {
					continue;
				}
				seen.set(rev.index);
				for (Rev next : rev.nextrev) {
					todo.addLast(next);
				}
				rev.branchLabels.addAll(revision.branchLabels);
				node = rev;
			}
			Rev parent = node;
			while (parent != null && !parent.isRealBranchPoint() && !parent.isMergePoint()) {
				parent.branchLabels.addAll(revision.branchLabels);
				parent = (parent.downRevs.length > 0) ? parent.downRevs[0] : null;
			}
		}
	}

	private static List<String> ids(Collection<Rev> revs) {
		List<String> ids = new ArrayList<>(revs.size());
		for (Rev rev : revs) {
			ids.add(rev.id);
		}
		return List.copyOf(ids);
	}

	// ---------------------------------------------------------------- plain accessors

	/** All revisions in load order. */
	public List<RevisionNode> revisions() {
		return this.revisions;
	}

	/** The revision with exactly this id, or null. */
	public RevisionNode get(String id) {
		Rev rev = this.byId.get(id);
		return (rev != null) ? rev.node : null;
	}

	/** Head ids (revisions with no versioned children), in load order. */
	public List<String> heads() {
		return this.heads;
	}

	/**
	 * "Real" head ids, in load order: revisions that no other revision names as a down revision or as a
	 * dependency. This is what the {@code heads} argument means.
	 */
	public List<String> realHeads() {
		return this.realHeads;
	}

	/** Base ids, in load order. */
	public List<String> bases() {
		return this.bases;
	}

	/** Bases that have no dependencies either, in load order. */
	public List<String> realBases() {
		return this.realBases;
	}

	/** Whether more than one revision names this one as a down revision. */
	public boolean isBranchPoint(String id) {
		return require(id).nextrev.length > 1;
	}

	/** Versioned children of a revision. */
	public List<String> children(String id) {
		return ids(List.of(require(id).nextrev));
	}

	/** Branch labels of a revision, its own and those it inherits. */
	public Set<String> branchLabels(String id) {
		return Collections.unmodifiableSet(require(id).branchLabels);
	}

	/** Down revisions plus dependencies that no ancestor already depends on (Alembic's normalized down revisions). */
	public List<String> normalizedDownRevisions(String id) {
		return require(id).normalizedDown;
	}

	/** Dependencies resolved to revision ids (labels replaced by the revision that declares them). */
	public List<String> resolvedDependencies(String id) {
		return require(id).resolvedDeps;
	}

	private Rev require(String id) {
		Rev rev = this.byId.get(id);
		if (rev == null) {
			throw new UnknownRevisionException("Can't locate revision identified by '" + id + "'", id);
		}
		return rev;
	}

	// ---------------------------------------------------------------- public traversal API

	/** Resolves an identifier as Alembic's get_revisions: id, prefix, label, head(s), base, label@head, relative. */
	public List<RevisionNode> resolve(String identifier) {
		return catchRevisionErrors(null, null, null, null, () -> nodes(getRevisions(identifier)));
	}

	/** Upgrade plan from the current version rows to {@code target}, in execution order. */
	public List<RevisionStep> upgradePlan(Collection<String> currentHeads, String target) {
		return upgradePlan(currentHeads, (Object) target);
	}

	/** Upgrade plan to several targets at once (Alembic accepts a tuple of destinations). */
	public List<RevisionStep> upgradePlan(Collection<String> currentHeads, List<String> targets) {
		return upgradePlan(currentHeads, (Object) List.copyOf(targets));
	}

	private List<RevisionStep> upgradePlan(Collection<String> currentHeads, Object target) {
		List<String> current = List.copyOf(currentHeads);
		if (atTarget(current, target)) {
			return new ArrayList<>(0);
		}
		return catchRevisionErrors("Destination %(end)s is not a valid upgrade target from current head(s)", null,
				null, target, () -> {
					List<Rev> order = iterateRevisions(target, current, true, false, true, false, warning -> {
					});
					List<RevisionStep> steps = new ArrayList<>(order.size());
					for (int i = order.size() - 1; i >= 0; i--) {
						steps.add(new RevisionStep(order.get(i).node, true));
					}
					return steps;
				});
	}

	/**
	 * The common start-up case, answered without walking the graph: the version rows are exactly the
	 * single head and the target is {@code head}, or exactly the heads and the target is
	 * {@code heads}. The full plan would be empty then (the target's ancestors are the current
	 * rows' ancestors, and no head can overlap another); anything else, including {@code head} with
	 * several heads (an error), takes the full path.
	 */
	private boolean atTarget(List<String> current, Object target) {
		if (current.isEmpty()) {
			return false;
		}
		for (String id : current) {
			// ids the resolver would read as symbols rather than as revisions
			if (id == null || id.equals("head") || id.equals("heads") || id.equals("base")) {
				return false;
			}
		}
		if ("head".equals(target)) {
			return this.heads.size() == 1 && current.size() == 1 && current.get(0).equals(this.heads.get(0));
		}
		if ("heads".equals(target)) {
			return current.size() == this.realHeads.size() && new HashSet<>(current).size() == current.size()
					&& this.realHeads.containsAll(current);
		}
		return false;
	}

	/** Downgrade plan; {@code currentHeads} in database row order (matters for ambiguous -1). */
	public List<RevisionStep> downgradePlan(List<String> currentHeads, String target) {
		return downgradePlan(currentHeads, target,
				warning -> Log.LOGGER.log(System.Logger.Level.WARNING, warning));
	}

	/**
	 * Downgrade plan, reporting Alembic's warnings (such as an ambiguous {@code -1} from several heads)
	 * to {@code warnings} instead of the logger.
	 */
	public List<RevisionStep> downgradePlan(List<String> currentHeads, String target, Consumer<String> warnings) {
		List<String> current = List.copyOf(currentHeads);
		return catchRevisionErrors("Destination %(end)s is not a valid downgrade target from current head(s)", null,
				null, target, () -> {
					List<Rev> order = iterateRevisions(current, target, false, false, true, true, warnings);
					List<RevisionStep> steps = new ArrayList<>(order.size());
					for (Rev rev : order) {
						steps.add(new RevisionStep(rev.node, false));
					}
					return steps;
				});
	}

	/** Stamp plan (Alembic's _stamp_revs) for one or more destinations. */
	public List<StampStep> stampPlan(List<String> currentHeads, List<String> destinations) {
		List<String> current = List.copyOf(currentHeads);
		return catchRevisionErrors(null, "Multiple heads are present; please specify a single target revision", null,
				null, () -> stampRevs(destinations, current));
	}

	/** Alembic's iterate_revisions, top-down (newest first). */
	public List<RevisionNode> iterate(String upper, String lower, boolean inclusive, boolean implicitBase,
			boolean selectForDowngrade) {
		return nodes(iterateRevisions(upper, lower, implicitBase, inclusive, true, selectForDowngrade, this::warn));
	}

	/** Alembic's iterate_revisions with several upper revisions (a tuple), top-down. */
	public List<RevisionNode> iterate(List<String> upper, String lower, boolean inclusive, boolean implicitBase,
			boolean selectForDowngrade) {
		return nodes(iterateRevisions(List.copyOf(upper), lower, implicitBase, inclusive, true, selectForDowngrade,
				this::warn));
	}

	/** Alembic's iterate_revisions with several lower revisions (upgrade direction only), top-down. */
	public List<RevisionNode> iterate(String upper, List<String> lower, boolean inclusive, boolean implicitBase,
			boolean selectForDowngrade) {
		return nodes(iterateRevisions(upper, List.copyOf(lower), implicitBase, inclusive, true, selectForDowngrade,
				this::warn));
	}

	/** Alembic's iterate_revisions with tuples on both ends, top-down. */
	public List<RevisionNode> iterate(List<String> upper, List<String> lower, boolean inclusive,
			boolean implicitBase, boolean selectForDowngrade) {
		return nodes(iterateRevisions(List.copyOf(upper), List.copyOf(lower), implicitBase, inclusive, true,
				selectForDowngrade, this::warn));
	}

	/** Every revision, newest first, as {@code alembic history} lists them. */
	public List<RevisionNode> walkTopDown() {
		return walkRevisions("base", "heads");
	}

	/**
	 * The revisions {@code alembic history -r <range>} lists, newest first. {@code range} is
	 * {@code [start]:[end]}; either side may be an id, prefix, label, {@code label@head}, {@code head},
	 * {@code heads}, {@code base}, a relative {@code -N}/{@code +N}/{@code x+N}, or {@code current}, which
	 * stands for {@code currentHeads} (the database's version rows). A null range lists everything.
	 */
	public List<RevisionNode> history(String range, List<String> currentHeads) {
		if (range == null) {
			return walkTopDown();
		}
		if (!range.contains(":")) {
			throw new RevisionException("History range requires [start]:[end], [start]:, or :[end]");
		}
		String[] parts = range.strip().split(":", -1);
		if (parts.length != 2) {
			throw new RevisionException("History range requires [start]:[end], [start]:, or :[end]");
		}
		Object base = parts[0];
		Object head = parts[1];
		List<String> current = List.copyOf(currentHeads);
		if ("current".equals(head)) {
			head = current;
		}
		else if ("current".equals(base)) {
			base = current;
		}
		return walkRevisions(truthy(base) ? base : "base", truthy(head) ? head : "heads");
	}

	private List<RevisionNode> walkRevisions(Object base, Object head) {
		return catchRevisionErrors(null, null, base, head,
				() -> nodes(iterateRevisions(head, base, false, true, false, false, this::warn)));
	}

	/**
	 * Applies a step to a set of version rows, as Alembic's HeadMaintainer: returns the row
	 * changes to make, in order. {@code heads} is updated in place.
	 */
	public List<VersionChange> applyToHeads(List<String> heads, Step step) {
		return new HeadMaintainer(heads).apply(step);
	}

	private void warn(String warning) {
		Log.LOGGER.log(System.Logger.Level.WARNING, warning);
	}

	private static List<RevisionNode> nodes(List<?> revs) {
		List<RevisionNode> nodes = new ArrayList<>(revs.size());
		for (Object rev : revs) {
			if (rev instanceof Rev r && r != Rev.BASE) {
				nodes.add(r.node);
			}
		}
		return nodes;
	}

	// ---------------------------------------------------------------- error translation

	private interface Body<T> {

		T run();

	}

	/** ScriptDirectory._catch_revision_errors: raw graph errors become the command-line messages. */
	private static <T> T catchRevisionErrors(String ancestor, String multipleHeads, Object start, Object end,
			Body<T> body) {
		try {
			return body.run();
		}
		catch (RangeNotAncestorException ex) {
			String from = (start != null) ? pyStr(start) : ex.getLower();
			String to = (end != null) ? pyStr(end) : ex.getUpper();
			String template = (ancestor != null) ? ancestor : RANGE_TEMPLATE;
			String message = template.replace("%(start)s", from).replace("%(end)s", to);
			throw new RangeNotAncestorException(message, ex.getLower(), ex.getUpper(), ex);
		}
		catch (MultipleHeadsException ex) {
			String template = (multipleHeads != null) ? multipleHeads : MULTIPLE_HEADS_TEMPLATE;
			String headArg = truthy(end) ? pyStr(end) : ex.getArgument();
			String message = template.replace("%(head_arg)s", headArg)
				.replace("%(heads)s", String.join(", ", ex.getHeads()));
			throw new MultipleHeadsException(message, ex.getHeads(), ex.getArgument(), ex);
		}
		catch (AmbiguousRevisionException ex) {
			// Alembic prints "Can't locate revision identified by 'x'"; naming the candidates is more useful
			throw ex;
		}
		catch (UnknownRevisionException ex) {
			throw new UnknownRevisionException("Can't locate revision identified by '" + ex.getArgument() + "'",
					ex.getArgument(), ex);
		}
	}

	/** Python's {@code "%s" % value} for the values Alembic formats (None, str, tuple of str). */
	static String pyStr(Object value) {
		if (value == null) {
			return "None";
		}
		if (value instanceof List<?> list) {
			StringBuilder sb = new StringBuilder("(");
			for (int i = 0; i < list.size(); i++) {
				sb.append((i > 0) ? ", " : "");
				Object item = list.get(i);
				sb.append((item == null) ? "None" : "'" + item + "'");
			}
			return sb.append((list.size() == 1) ? ",)" : ")").toString();
		}
		return value.toString();
	}

	private static boolean truthy(Object value) {
		if (value == null) {
			return false;
		}
		if (value instanceof String s) {
			return !s.isEmpty();
		}
		if (value instanceof Collection<?> c) {
			return !c.isEmpty();
		}
		return true;
	}

	/**
	 * Whether {@code t} matches {@code [+-]?\d+(?:_\d+)*} with Unicode digits (what Python's
	 * {@code int} accepts), matched by hand: ids that start with a digit come here on every run.
	 */
	static boolean isPyIntLiteral(String t) {
		int n = t.length();
		int i = (n > 0 && (t.charAt(0) == '+' || t.charAt(0) == '-')) ? 1 : 0;
		boolean afterDigit = false;
		while (i < n) {
			int cp = t.codePointAt(i);
			if (Character.isDigit(cp)) {
				afterDigit = true;
			}
			else if (cp == '_' && afterDigit) {
				afterDigit = false;
			}
			else {
				return false;
			}
			i += Character.charCount(cp);
		}
		return afterDigit;
	}

	/** Python's {@code int(s)}, or null when it would raise ValueError. */
	private static Integer pyInt(String s) {
		String t = s.strip();
		// the pattern needs a digit after an optional sign: most revision ids fail here without it
		int first = (t.startsWith("+") || t.startsWith("-")) ? 1 : 0;
		if (first >= t.length() || !Character.isDigit(t.codePointAt(first))) {
			return null;
		}
		if (!isPyIntLiteral(t)) {
			return null;
		}
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < t.length(); i++) {
			char c = t.charAt(i);
			if (c == '-' || c == '+') {
				digits.append(c);
			}
			else if (c != '_') {
				digits.append(Character.digit(c, 10));
			}
		}
		try {
			return Integer.parseInt(digits.toString());
		}
		catch (NumberFormatException ex) {
			return digits.charAt(0) == '-' ? Integer.MIN_VALUE + 1 : Integer.MAX_VALUE;
		}
	}

	private static String relativeError(String relative, int steps) {
		return "Relative revision " + relative + " didn't produce " + Math.abs(steps) + " migrations";
	}

	// ---------------------------------------------------------------- identifier resolution

	private record Resolved(List<String> ids, String branchLabel) {
	}

	/** RevisionMap._resolve_revision_number. */
	private Resolved resolveRevisionNumber(String id) {
		String branchLabel = null;
		if (id != null && id.indexOf('@') >= 0) {
			int at = id.indexOf('@');
			branchLabel = id.substring(0, at);
			id = id.substring(at + 1);
		}
		if ("heads".equals(id)) {
			if (truthy(branchLabel)) {
				return new Resolved(filterForLineage(this.heads, this::revisionForIdent, branchLabel, false),
						branchLabel);
			}
			return new Resolved(this.realHeads, branchLabel);
		}
		if ("head".equals(id)) {
			String head = getCurrentHead(branchLabel);
			return new Resolved((head != null) ? List.of(head) : List.of(), branchLabel);
		}
		if (id == null || "base".equals(id)) {
			return new Resolved(List.of(), branchLabel);
		}
		return new Resolved(List.of(id), branchLabel);
	}

	/** RevisionMap.get_current_head. */
	private String getCurrentHead(String branchLabel) {
		List<String> current = this.heads;
		if (truthy(branchLabel)) {
			current = filterForLineage(current, this::revisionForIdent, branchLabel, false);
		}
		if (current.size() > 1) {
			throw new MultipleHeadsException(current, truthy(branchLabel) ? branchLabel + "@head" : "head");
		}
		return current.isEmpty() ? null : current.get(0);
	}

	/**
	 * RevisionMap.get_revisions: a String (or null), or a collection of them. Elements are {@link Rev},
	 * {@link Rev#BASE} or null, as in Alembic.
	 */
	private List<Rev> getRevisions(Object id) {
		if (id instanceof Collection<?> collection) {
			List<Rev> result = new ArrayList<>();
			for (Object element : collection) {
				result.addAll(getRevisions(element));
			}
			return result;
		}
		String ident = (String) id;
		Resolved resolved = resolveRevisionNumber(ident);
		if (resolved.ids().size() == 1) {
			Integer rint = pyInt(resolved.ids().get(0));
			if (rint != null && rint < 0) {
				List<Rev> selectHeads = getRevisions("heads");
				List<Rev> result = new ArrayList<>();
				for (Rev head : selectHeads) {
					if (resolved.branchLabel() == null || head.branchLabels.contains(resolved.branchLabel())) {
						result.add(walk(head, rint, null, true));
					}
				}
				return result;
			}
		}
		List<Rev> result = new ArrayList<>(resolved.ids().size());
		for (String revId : resolved.ids()) {
			result.add(revisionForIdent(revId, resolved.branchLabel()));
		}
		return result;
	}

	/** RevisionMap.get_revision. */
	private Rev getRevision(String id) {
		Resolved resolved = resolveRevisionNumber(id);
		if (resolved.ids().size() > 1) {
			throw new MultipleHeadsException(resolved.ids(), id);
		}
		return revisionForIdent(resolved.ids().isEmpty() ? null : resolved.ids().get(0), resolved.branchLabel());
	}

	/** RevisionMap._resolve_branch. */
	private Rev resolveBranch(String branchLabel) {
		Rev rev = this.keys.get(branchLabel);
		if (rev != null) {
			return rev;
		}
		try {
			return revisionForIdent(branchLabel);
		}
		catch (UnknownRevisionException ex) {
			throw new UnknownRevisionException("No such branch: '" + branchLabel + "'", branchLabel, ex);
		}
	}

	private Rev revisionForIdent(String resolvedId) {
		return revisionForIdent(resolvedId, null);
	}

	/** RevisionMap._revision_for_ident; a null id is Alembic's {@code ()} (base) and gives null. */
	private Rev revisionForIdent(String resolvedId, String checkBranch) {
		Rev branchRev = truthy(checkBranch) ? resolveBranch(checkBranch) : null;
		if (resolvedId == null) {
			return null;
		}
		Rev revision = this.keys.get(resolvedId);
		if (revision == null) {
			List<String> candidates = prefixMatches(resolvedId);
			if (branchRev != null) {
				candidates = filterForLineage(candidates, this::revisionForIdent, checkBranch, false);
			}
			if (candidates.isEmpty()) {
				throw new UnknownRevisionException("No such revision or branch '" + resolvedId + "'"
						+ ((resolvedId.codePointCount(0, resolvedId.length()) < 4)
								? "; please ensure at least four characters are present for partial revision "
										+ "identifier matches"
								: ""),
						resolvedId);
			}
			if (candidates.size() > 1) {
				throw new AmbiguousRevisionException(resolvedId, candidates);
			}
			revision = this.keys.get(candidates.get(0));
		}
		if (truthy(checkBranch) && !sharesLineage(revision, List.of(branchRev), false)) {
			throw new UnknownRevisionException(
					"Revision " + revision.id + " is not a member of branch '" + checkBranch + "'", resolvedId);
		}
		return revision;
	}

	private TreeMap<String, Integer> keyOrder() {
		TreeMap<String, Integer> order = this.keyOrder;
		if (order == null) {
			order = new TreeMap<>();
			int i = 0;
			for (String key : this.keys.keySet()) {
				order.put(key, i++);
			}
			this.keyOrder = order;
		}
		return order;
	}

	/** Keys longer than three characters that start with {@code prefix}, in key order. */
	private List<String> prefixMatches(String prefix) {
		if (prefix.isEmpty()) {
			return List.of();
		}
		TreeMap<String, Integer> order = keyOrder();
		List<String> matches = new ArrayList<>();
		for (String key : order.tailMap(prefix, true).keySet()) {
			if (!key.startsWith(prefix)) {
				break;
			}
			if (key.codePointCount(0, key.length()) > 3) {
				matches.add(key);
			}
		}
		matches.sort((a, b) -> Integer.compare(order.get(a), order.get(b)));
		return matches;
	}

	/** RevisionMap.filter_for_lineage. */
	private <T> List<T> filterForLineage(List<T> targets, Function<T, Rev> toRev, String checkAgainst,
			boolean includeDependencies) {
		Resolved resolved = resolveRevisionNumber(checkAgainst);
		List<String> shares = new ArrayList<>();
		if (truthy(resolved.branchLabel())) {
			shares.add(resolved.branchLabel());
		}
		shares.addAll(resolved.ids());
		List<T> result = new ArrayList<>();
		List<Rev> against = null;
		for (T target : targets) {
			if (shares.isEmpty()) {
				result.add(target);
				continue;
			}
			Rev rev = toRev.apply(target);
			if (against == null) {
				against = new ArrayList<>(shares.size());
				for (String share : shares) {
					against.add(revisionForIdent(share));
				}
			}
			if (sharesLineage(rev, against, includeDependencies)) {
				result.add(target);
			}
		}
		return result;
	}

	/** RevisionMap._shares_lineage: is any of {@code against} an ancestor or descendant of (or equal to) target. */
	private boolean sharesLineage(Rev target, List<Rev> against, boolean includeDependencies) {
		if (against.isEmpty()) {
			return true;
		}
		BitSet wanted = new BitSet(this.revs.length);
		for (Rev rev : against) {
			if (rev != null && rev != Rev.BASE) {
				wanted.set(rev.index);
			}
		}
		if (wanted.isEmpty()) {
			return false;
		}
		Function<Rev, Rev[]> down = includeDependencies ? Edges.NORMALIZED_DOWN : Edges.DOWN;
		Function<Rev, Rev[]> up = includeDependencies ? Edges.ALL_NEXT : Edges.NEXT;
		return reaches(target, down, wanted) || reaches(target, up, wanted);
	}

	private boolean reaches(Rev start, Function<Rev, Rev[]> fn, BitSet wanted) {
		BitSet seen = new BitSet(this.revs.length);
		ArrayDeque<Rev> todo = new ArrayDeque<>();
		todo.add(start);
		while (!todo.isEmpty()) {
			Rev rev = todo.removeLast();
			if (seen.get(rev.index)) {
				continue;
			}
			if (wanted.get(rev.index)) {
				return true;
			}
			seen.set(rev.index);
			for (Rev next : fn.apply(rev)) {
				todo.addLast(next);
			}
		}
		return false;
	}

	// ---------------------------------------------------------------- related nodes

	private static Rev isRevision(Rev rev) {
		if (rev == null || rev == Rev.BASE) {
			throw new RevisionException("Walked too far");
		}
		return rev;
	}

	/** RevisionMap._iterate_related_revisions, as a set; {@code check} raises on overlapping targets. */
	private BitSet related(Collection<Rev> targets, Function<Rev, Rev[]> fn, boolean check) {
		BitSet seen = new BitSet(this.revs.length);
		BitSet targetSet = null;
		if (check) {
			targetSet = new BitSet(this.revs.length);
			for (Rev target : targets) {
				if (target != null && target != Rev.BASE) {
					targetSet.set(target.index);
				}
			}
		}
		ArrayDeque<Rev> todo = new ArrayDeque<>();
		for (Rev target : targets) {
			todo.addLast(isRevision(target));
			BitSet overlaps = null;
			while (!todo.isEmpty()) {
				Rev rev = todo.removeLast();
				if (check && rev != target && targetSet.get(rev.index)) {
					if (overlaps == null) {
						overlaps = new BitSet();
					}
					overlaps.set(rev.index);
				}
				if (seen.get(rev.index)) {
					continue;
				}
				seen.set(rev.index);
				for (Rev next : fn.apply(rev)) {
					todo.addLast(next);
				}
			}
			if (overlaps != null) {
				List<String> names = new ArrayList<>();
				for (int i = overlaps.nextSetBit(0); i >= 0; i = overlaps.nextSetBit(i + 1)) {
					names.add(this.revs[i].id);
				}
				throw new RevisionException("Requested revision " + target.id
						+ " overlaps with other requested revisions " + String.join(", ", names));
			}
		}
		return seen;
	}

	/** _get_ancestor_nodes (targets included). */
	private BitSet ancestors(Collection<Rev> targets, boolean check, boolean includeDependencies) {
		return related(targets, includeDependencies ? Edges.NORMALIZED_DOWN : Edges.DOWN, check);
	}

	/** _get_descendant_nodes (targets included). */
	private BitSet descendants(Collection<Rev> targets, boolean check, boolean includeDependencies) {
		return related(targets, includeDependencies ? Edges.ALL_NEXT : Edges.NEXT, check);
	}

	private List<Rev> revsOf(BitSet set) {
		List<Rev> result = new ArrayList<>(set.cardinality());
		for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
			result.add(this.revs[i]);
		}
		return result;
	}

	private static List<String> toTuple(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof String s) {
			return List.of(s);
		}
		List<String> result = new ArrayList<>();
		for (Object o : (Collection<?>) value) {
			result.add((String) o);
		}
		return result;
	}

	// ---------------------------------------------------------------- walking

	/**
	 * RevisionMap._walk: {@code start} is a String, a Rev or null; returns a Rev, {@link Rev#BASE}, or
	 * null when the walk goes too far and {@code noOverwalk} is set.
	 */
	private Rev walk(Object start, int steps, String branchLabel, boolean noOverwalk) {
		Rev initial = (start instanceof String s) ? getRevision(s) : (Rev) start;
		for (int i = 0; i < Math.abs((long) steps); i++) {
			List<Rev> children;
			if (steps > 0) {
				List<Rev> walkUp = (initial == null) ? getRevisions(this.bases) : List.of(initial.nextrev);
				children = truthy(branchLabel) ? filterForLineage(walkUp, r -> r, branchLabel, false) : walkUp;
			}
			else if (initial == Rev.BASE) {
				children = List.of();
			}
			else {
				children = (initial == null) ? getRevisions(this.heads) : List.of(initial.downRevs);
				if (children.isEmpty()) {
					children = List.of(Rev.BASE);
				}
			}
			if (children.isEmpty()) {
				return noOverwalk ? null : initial;
			}
			if (children.size() > 1) {
				throw new RevisionException("Ambiguous walk");
			}
			initial = children.get(0);
		}
		return initial;
	}

	private record Target(String branchLabel, Rev revision) {
	}

	/** RevisionMap._parse_downgrade_target. */
	private Target parseDowngradeTarget(Object currentRevisions, String target, boolean assertRelativeLength,
			Consumer<String> warnings) {
		if (target == null) {
			return new Target(null, null);
		}
		Matcher match = mayBeRelative(target) ? Patterns.RELATIVE.matcher(target) : null;
		if (match != null && match.lookingAt()) {
			String branchLabel = match.group(1);
			String symbol = match.group(2);
			String relative = match.group(3);
			int relInt = pyInt(relative);
			if (relInt >= 0) {
				if (symbol == null) {
					throw new RevisionException(relativeError(relative, relInt));
				}
				Rev rev = walk(symbol, relInt, branchLabel, assertRelativeLength);
				if (rev == null) {
					throw new RevisionException("Walked too far");
				}
				return new Target(branchLabel, rev);
			}
			boolean relativeRevision = symbol == null;
			if (relativeRevision) {
				if (truthy(branchLabel)) {
					List<String> current = toTuple(currentRevisions);
					if (current == null) {
						current = List.of();
					}
					List<String> symbols = filterForLineage(current, this::revisionForIdent, branchLabel, false);
					if (symbols.isEmpty()) {
						List<Rev> allCurrent = filterForLineage(getAllCurrent(current), r -> r, branchLabel, false);
						symbols = ids(allCurrent);
					}
					if (symbols.isEmpty()) {
						// Alembic asserts here
						throw new RevisionException(relativeError(relative, relInt));
					}
					if (symbols.size() > 1) {
						// Alembic asserts here
						throw new RevisionException("Ambiguous walk");
					}
					symbol = symbols.get(0);
				}
				else {
					List<String> current = toTuple(currentRevisions);
					if (current == null || current.isEmpty()) {
						throw new RevisionException(relativeError(relative, relInt));
					}
					if (new LinkedHashSet<>(current).size() > 1) {
						warnings.accept(DOWNGRADE_MINUS_ONE_WARNING);
					}
					symbol = current.get(0);
					branchLabel = symbol;
				}
			}
			Rev start = (branchLabel == null) ? getRevision(symbol) : getRevision(branchLabel + "@" + symbol);
			Rev rev = walk(start, relInt, null, assertRelativeLength);
			if (rev == null) {
				throw new RevisionException(relativeRevision ? relativeError(relative, relInt) : "Walked too far");
			}
			return new Target(branchLabel, rev);
		}
		int at = target.lastIndexOf('@');
		String branchLabel = (at > 0) ? target.substring(0, at) : null;
		return new Target(branchLabel, getRevision(target.substring(at + 1)));
	}

	/** RevisionMap._parse_upgrade_target. */
	private List<Rev> parseUpgradeTarget(Object currentRevisions, Object target, boolean assertRelativeLength) {
		Matcher match = (target instanceof String s && mayBeRelative(s)) ? Patterns.RELATIVE.matcher(s) : null;
		if (match == null || !match.lookingAt()) {
			return getRevisions(target);
		}
		List<String> current = toTuple(currentRevisions);
		String branchLabel = match.group(1);
		String symbol = match.group(2);
		String relativeStr = match.group(3);
		int relative = pyInt(relativeStr);
		if (relative > 0) {
			if (symbol == null) {
				List<Object> start = new ArrayList<>();
				if (current == null || current.isEmpty()) {
					start.add(null);
				}
				else {
					start.addAll(current);
				}
				if (truthy(branchLabel)) {
					List<Rev> currentRevs = getRevisions(start);
					List<Rev> onBranch = filterForLineage(currentRevs, r -> r, branchLabel, false);
					if (onBranch.isEmpty()) {
						// the branch has no current revision: backtrack to its branch point
						List<Rev> active = filterForLineage(revsOf(ancestors(currentRevs, false, true)), r -> r,
								branchLabel, false);
						Set<String> tips = new LinkedHashSet<>(ids(active));
						for (Rev rev : active) {
							tips.removeAll(rev.normalizedDown);
						}
						start = new ArrayList<>(tips);
						if (start.isEmpty()) {
							start.add(null);
						}
					}
					else {
						start = new ArrayList<>(onBranch);
					}
				}
				if (start.size() > 1) {
					throw new RevisionException("Ambiguous upgrade from multiple current revisions");
				}
				Rev rev = walk(start.get(0), relative, branchLabel, assertRelativeLength);
				if (rev == null) {
					throw new RevisionException(relativeError(relativeStr, relative));
				}
				return List.of(rev);
			}
			List<Rev> result = new ArrayList<>(1);
			result.add(walk(getRevision(symbol), relative, branchLabel, assertRelativeLength));
			return result;
		}
		if (symbol == null) {
			throw new RevisionException(relativeError(String.valueOf(relative), relative));
		}
		Rev start = (branchLabel == null) ? getRevision(symbol) : getRevision(branchLabel + "@" + symbol);
		List<Rev> result = new ArrayList<>(1);
		result.add(walk(start, relative, null, assertRelativeLength));
		return result;
	}

	/** RevisionMap._get_all_current: the tips of the current revisions and their ancestors. */
	private List<Rev> getAllCurrent(List<String> ids) {
		List<Rev> top = new ArrayList<>();
		for (Rev rev : getRevisions(ids)) {
			top.add(isRevision(rev));
		}
		BitSet all = ancestors(top, false, true);
		// _filter_into_branch_heads keeps the revisions with no versioned descendant in the set. The set
		// is closed under down revisions, so a descendant in it means a direct child in it.
		List<Rev> result = new ArrayList<>();
		for (Rev rev : revsOf(all)) {
			boolean childInSet = false;
			for (Rev child : rev.nextrev) {
				childInSet |= all.get(child.index);
			}
			if (!childInSet) {
				result.add(rev);
			}
		}
		return result;
	}

	// ---------------------------------------------------------------- collecting and sorting

	private record Collected(BitSet revisions, List<Rev> heads) {
	}

	/** RevisionMap.iterate_revisions, top-down. */
	private List<Rev> iterateRevisions(Object upper, Object lower, boolean implicitBase, boolean inclusive,
			boolean assertRelativeLength, boolean selectForDowngrade, Consumer<String> warnings) {
		Collected collected = selectForDowngrade
				? collectDowngradeRevisions(upper, lower, inclusive, implicitBase, assertRelativeLength, warnings)
				: collectUpgradeRevisions(upper, lower, inclusive, implicitBase, assertRelativeLength, warnings);
		return topologicalSort(collected.revisions(), collected.heads());
	}

	/** RevisionMap._collect_downgrade_revisions. */
	private Collected collectDowngradeRevisions(Object upper, Object lower, boolean inclusive, boolean implicitBase,
			boolean assertRelativeLength, Consumer<String> warnings) {
		if (lower != null && !(lower instanceof String)) {
			throw new IllegalArgumentException("Expected downgrade target in string form");
		}
		Target target = parseDowngradeTarget(upper, (String) lower, assertRelativeLength, warnings);
		String branchLabel = target.branchLabel();
		Rev targetRevision = (target.revision() == Rev.BASE) ? null : target.revision();
		List<Rev> roots = new ArrayList<>();
		if (targetRevision == null) {
			// every value of the revision map whose down_revision is None (labels repeat their revision)
			for (Rev rev : this.keys.values()) {
				if (rev.isBase()) {
					roots.add(rev);
				}
			}
		}
		else if (inclusive) {
			roots.add(targetRevision);
		}
		else {
			roots.addAll(List.of(targetRevision.nextrev));
		}
		if (truthy(branchLabel) && roots.size() > 1) {
			BitSet branchAncestors = ancestors(List.of(resolveBranch(branchLabel)), false, false);
			BitSet kept = new BitSet(this.revs.length);
			for (Rev root : roots) {
				if (branchAncestors.get(root.index)) {
					kept.set(root.index);
				}
			}
			roots = revsOf(kept);
			if (roots.isEmpty()) {
				throw new RevisionException("Not a valid downgrade target from current heads");
			}
		}
		List<Rev> heads = getRevisions(upper);
		BitSet downgrade = descendants(roots, false, true);
		BitSet active = ancestors(heads, false, true);
		downgrade.and(active);
		if (implicitBase) {
			BitSet others = (BitSet) active.clone();
			others.andNot(ancestors(roots, false, true));
			downgrade.or(others);
		}
		if (targetRevision != null && downgrade.isEmpty() && !heads.contains(targetRevision)) {
			throw rangeNotAncestor("Nothing to drop", upper);
		}
		return new Collected(downgrade, heads);
	}

	/** RevisionMap._collect_upgrade_revisions. */
	private Collected collectUpgradeRevisions(Object upper, Object lower, boolean inclusive, boolean implicitBase,
			boolean assertRelativeLength, Consumer<String> warnings) {
		List<Rev> targets = new ArrayList<>();
		for (Rev rev : parseUpgradeTarget(lower, upper, assertRelativeLength)) {
			targets.add(isRevision(rev));
		}
		if (lower instanceof String l && l.indexOf('@') >= 0) {
			String branch = l.substring(0, l.indexOf('@'));
			Rev branchRev = getRevision(branch);
			if (branchRev != null && branchRev.id.equals(branch)) {
				// a revision was used as a label: use its branch instead
				if (branchRev.branchLabels.size() != 1) {
					throw new RevisionException(
							"Revision " + branch + " does not belong to exactly one branch; use a branch label");
				}
				branch = branchRev.branchLabels.iterator().next();
			}
			List<Rev> onBranch = new ArrayList<>();
			for (Rev need : targets) {
				if (need.branchLabels.contains(branch) && !onBranch.contains(need)) {
					onBranch.add(need);
				}
			}
			targets = onBranch;
		}
		BitSet required = ancestors(targets, true, true);
		List<Rev> currentRevisions = getRevisions(lower);
		if (!implicitBase) {
			for (Rev rev : currentRevisions) {
				if (rev != null && (rev == Rev.BASE || !required.get(rev.index))) {
					throw rangeNotAncestor(lower, upper);
				}
			}
		}
		if (!currentRevisions.isEmpty() && currentRevisions.get(0) == null) {
			// lower is a relative value that get_revisions could not resolve
			Rev rev = parseDowngradeTarget(upper, (String) lower, assertRelativeLength, warnings).revision();
			if (rev == Rev.BASE) {
				currentRevisions = List.of();
				lower = null;
			}
			else {
				currentRevisions = List.of(isRevision(rev));
				lower = rev.id;
			}
		}
		BitSet current = ancestors(currentRevisions, true, true);
		BitSet needs = (BitSet) required.clone();
		needs.andNot(current);
		if (inclusive) {
			for (Rev rev : getRevisions(lower)) {
				needs.set(isRevision(rev).index);
			}
		}
		if (!currentRevisions.isEmpty() && !implicitBase) {
			needs.and(descendants(currentRevisions, true, false));
		}
		return new Collected(needs, targets);
	}

	private static RangeNotAncestorException rangeNotAncestor(Object lower, Object upper) {
		String from = truthy(lower) ? pyStr(lower) : "base";
		String to = truthy(upper) ? pyStr(upper) : "base";
		return new RangeNotAncestorException("Revision " + from + " is not an ancestor of revision " + to,
				pyStr(lower), pyStr(upper), null);
	}

	/** Ancestors of one revision (itself included), following normalized down revisions. */
	private BitSet ancestorsOf(int index) {
		BitSet seen = new BitSet(this.revs.length);
		int[] stack = new int[16];
		int top = 0;
		stack[top++] = index;
		while (top > 0) {
			int i = stack[--top];
			if (seen.get(i)) {
				continue;
			}
			seen.set(i);
			for (Rev down : this.revs[i].normalizedDownRevs) {
				if (!seen.get(down.index)) {
					if (top == stack.length) {
						stack = java.util.Arrays.copyOf(stack, top * 2);
					}
					stack[top++] = down.index;
				}
			}
		}
		return seen;
	}

	/**
	 * RevisionMap._topological_sort, ported literally: depth first along one branch, a branch left
	 * only when no other pending head still needs the node; ties broken by load order. Top-down.
	 */
	private List<Rev> topologicalSort(BitSet revisions, List<Rev> heads) {
		BitSet todo = (BitSet) revisions.clone();
		TreeSet<Integer> startHeads = new TreeSet<>();
		for (Rev head : heads) {
			if (head != null && head != Rev.BASE && todo.get(head.index)) {
				startHeads.add(head.index);
			}
		}
		List<Integer> currentHeads = new ArrayList<>(startHeads);
		List<BitSet> ancestorsByIdx = new ArrayList<>(currentHeads.size());
		for (int head : currentHeads) {
			ancestorsByIdx.add(ancestorsOf(head));
		}
		List<Rev> output = new ArrayList<>(revisions.cardinality());
		int candidateIdx = 0;
		while (!currentHeads.isEmpty()) {
			int candidate = currentHeads.get(candidateIdx);
			int other = -1;
			for (int i = 0; i < ancestorsByIdx.size(); i++) {
				if (i != candidateIdx && ancestorsByIdx.get(i).get(candidate)) {
					other = i;
					break;
				}
			}
			if (other >= 0) {
				// another head depends on the candidate: walk that one first
				candidateIdx = other;
				continue;
			}
			if (todo.get(candidate)) {
				output.add(this.revs[candidate]);
				todo.clear(candidate);
			}
			Rev rev = this.revs[candidate];
			List<Integer> headsToAdd = new ArrayList<>(rev.normalizedDownRevs.length);
			for (Rev down : rev.normalizedDownRevs) {
				if (todo.get(down.index) && !currentHeads.contains(down.index)) {
					headsToAdd.add(down.index);
				}
			}
			if (headsToAdd.isEmpty()) {
				currentHeads.remove(candidateIdx);
				ancestorsByIdx.remove(candidateIdx);
				candidateIdx = Math.max(candidateIdx - 1, 0);
			}
			else if (rev.normalizedDeps.isEmpty() && rev.down.size() == 1) {
				currentHeads.set(candidateIdx, headsToAdd.get(0));
				ancestorsByIdx.get(candidateIdx).clear(candidate);
			}
			else {
				currentHeads.set(candidateIdx, headsToAdd.get(0));
				ancestorsByIdx.set(candidateIdx, ancestorsOf(headsToAdd.get(0)));
				for (int i = 1; i < headsToAdd.size(); i++) {
					currentHeads.add(headsToAdd.get(i));
					ancestorsByIdx.add(ancestorsOf(headsToAdd.get(i)));
				}
			}
		}
		if (!todo.isEmpty()) {
			throw new RevisionException("Dependency resolution failed; broken map");
		}
		return output;
	}

	// ---------------------------------------------------------------- stamp

	/** ScriptDirectory._stamp_revs. */
	private List<StampStep> stampRevs(List<String> destinations, List<String> currentHeads) {
		List<Rev> headsRevs = getRevisions(currentHeads);
		List<String> revision = destinations.isEmpty() ? List.of("base") : destinations;
		List<Rev> filteredHeads = new ArrayList<>();
		for (String rev : revision) {
			if (truthy(rev)) {
				for (Rev head : filterForLineage(headsRevs, r -> r, rev, true)) {
					if (!filteredHeads.contains(head)) {
						filteredHeads.add(head);
					}
				}
			}
		}
		List<Rev> dests = getRevisions(revision);
		if (dests.isEmpty()) {
			dests = new ArrayList<>();
			dests.add(null);
		}
		List<String> filteredIds = ids(filteredHeads);
		List<StampStep> steps = new ArrayList<>();
		for (Rev dest : dests) {
			if (dest == null || dest == Rev.BASE) {
				for (Rev head : filteredHeads) {
					steps.add(new StampStep(List.of(head.id), List.of(), false, true));
				}
				continue;
			}
			if (filteredHeads.contains(dest)) {
				continue;
			}
			BitSet filtered = new BitSet(this.revs.length);
			for (Rev head : filteredHeads) {
				filtered.set(head.index);
			}
			if (descendants(List.of(dest), false, true).intersects(filtered)) {
				steps.add(new StampStep(filteredIds, List.of(dest.id), false, false));
			}
			else if (ancestors(List.of(dest), false, true).intersects(filtered)) {
				steps.add(new StampStep(filteredIds, List.of(dest.id), true, false));
			}
			else {
				steps.add(new StampStep(List.of(), List.of(dest.id), true, true));
			}
		}
		return steps;
	}

	// ---------------------------------------------------------------- version rows

	/** Alembic's HeadMaintainer.update_to_step over a list of version rows. */
	private final class HeadMaintainer {

		private final List<String> rows;

		private final List<VersionChange> changes = new ArrayList<>();

		HeadMaintainer(List<String> rows) {
			this.rows = rows;
		}

		List<VersionChange> apply(Step step) {
			Set<String> heads = new LinkedHashSet<>(this.rows);
			if (step instanceof RevisionStep revisionStep) {
				applyRevision(heads, revisionStep);
			}
			else {
				applyStamp(heads, (StampStep) step);
			}
			return List.copyOf(this.changes);
		}

		private void applyRevision(Set<String> heads, RevisionStep step) {
			Rev rev = require(step.revision().id());
			List<String> downrevs = rev.normalizedDown;
			boolean upgrade = step.upgrade();
			if (!upgrade && heads.contains(rev.id) && (downrevs.isEmpty() || unmergeToRevisions(heads, rev).isEmpty())) {
				delete(rev.id);
			}
			else if (upgrade && (downrevs.isEmpty() || downrevs.stream().noneMatch(heads::contains))) {
				insert(rev.id);
			}
			else if (upgrade && downrevs.size() > 1 && downrevs.stream().filter(heads::contains).count() > 1) {
				List<String> from = new ArrayList<>(downrevs);
				Set<String> otherHeads = new LinkedHashSet<>(heads);
				otherHeads.removeAll(downrevs);
				if (!otherHeads.isEmpty()) {
					BitSet ancestors = ancestors(getRevisions(new ArrayList<>(otherHeads)), false, true);
					from.removeIf(id -> ancestors.get(RevisionGraph.this.byId.get(id).index));
				}
				// Alembic deletes every remaining parent and fails (KeyError) when one has no row, which
				// happens when a parent is also an ancestor of another parent through a dependency.
				// Only rows that exist can be deleted or updated.
				from.removeIf(id -> !heads.contains(id));
				if (from.isEmpty()) {
					throw new RevisionException("Can't merge into " + rev.id + ": none of its down revisions is a version row");
				}
				for (String id : from.subList(0, from.size() - 1)) {
					delete(id);
				}
				update(from.get(from.size() - 1), rev.id);
			}
			else if (!upgrade && heads.contains(rev.id) && downrevs.size() > 1) {
				List<String> to = unmergeToRevisions(heads, rev);
				for (String id : to.subList(0, to.size() - 1)) {
					insert(id);
				}
				update(rev.id, to.get(to.size() - 1));
			}
			else {
				String down;
				if (downrevs.size() != 1) {
					List<String> present = downrevs.stream().filter(heads::contains).toList();
					if (present.size() != 1) {
						throw new RevisionException("Can't do an UPDATE because downrevision is ambiguous");
					}
					down = present.get(0);
				}
				else {
					down = downrevs.get(0);
				}
				if (upgrade) {
					update(down, rev.id);
				}
				else {
					update(rev.id, down);
				}
			}
		}

		/** RevisionStep._unmerge_to_revisions, in normalized down-revision order. */
		private List<String> unmergeToRevisions(Set<String> heads, Rev rev) {
			Set<String> otherHeads = new LinkedHashSet<>(heads);
			otherHeads.remove(rev.id);
			BitSet ancestors;
			if (!otherHeads.isEmpty()) {
				ancestors = ancestors(getRevisions(new ArrayList<>(otherHeads)), false, true);
			}
			else {
				ancestors = new BitSet();
				for (Rev to : rev.normalizedDownRevs) {
					BitSet below = ancestorsOf(to.index);
					below.clear(to.index);
					ancestors.or(below);
				}
			}
			List<String> result = new ArrayList<>();
			for (Rev to : rev.normalizedDownRevs) {
				if (!ancestors.get(to.index)) {
					result.add(to.id);
				}
			}
			return result;
		}

		private void applyStamp(Set<String> heads, StampStep step) {
			List<String> from = step.fromRevisions();
			List<String> to = step.toRevisions();
			if (!step.upgrade() && step.branchMove()) {
				delete(single(from));
			}
			else if (step.upgrade() && (step.branchMove() || !heads.containsAll(from)) && !heads.containsAll(to)) {
				insert(single(to));
			}
			else if (from.size() > 1) {
				for (String id : from.subList(0, from.size() - 1)) {
					delete(id);
				}
				update(from.get(from.size() - 1), to.get(0));
			}
			else if (to.size() > 1) {
				for (String id : to.subList(0, to.size() - 1)) {
					insert(id);
				}
				update(from.get(0), to.get(to.size() - 1));
			}
			else {
				update(single(from), single(to));
			}
		}

		private String single(List<String> ids) {
			if (ids.size() != 1) {
				throw new RevisionException("Expected exactly one revision, got " + ids);
			}
			return ids.get(0);
		}

		private void insert(String version) {
			if (this.rows.contains(version)) {
				throw new RevisionException("Version " + version + " is already present");
			}
			this.rows.add(version);
			this.changes.add(new VersionChange.Insert(version));
		}

		private void delete(String version) {
			if (!this.rows.remove(version)) {
				throw new RevisionException("Version " + version + " is not present");
			}
			this.changes.add(new VersionChange.Delete(version));
		}

		private void update(String from, String to) {
			if (this.rows.contains(to)) {
				throw new RevisionException("Version " + to + " is already present");
			}
			int at = this.rows.indexOf(from);
			if (at < 0) {
				throw new RevisionException("Version " + from + " is not present");
			}
			this.rows.set(at, to);
			this.changes.add(new VersionChange.Update(from, to));
		}

	}

}
