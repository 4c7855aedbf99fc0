package org.annotationkit.core.store;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.task.GoldPolicy;
import org.annotationkit.core.task.Lease;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.Review;
import org.annotationkit.core.task.Submission;
import org.annotationkit.core.task.Task;
import org.annotationkit.core.task.TaskStatus;
import org.jspecify.annotations.Nullable;

/**
 * A {@link WorkflowStore} in memory: fast, thread-safe (one lock serializes decisions and reads),
 * and gone when the process ends unless its {@link CommitHook} persists the events.
 *
 * <p>Every event is checked against the state before it is applied: a lease on a task that is full,
 * complete or unknown, a second lease of one annotator on one task, a submission without an open
 * lease, a review of a submission that does not await one, a completion that does not match the
 * counts, all raise an {@link IllegalStateException} naming the event. When a decision's events
 * fail that check after its hook ran, the store refuses all further use (its state and its journal
 * could disagree); the workflow never makes such decisions.
 *
 * <p>{@link #replay(Iterable, CommitHook)} rebuilds a store from the events of its past decisions,
 * as a journal keeps them.
 *
 * @since 0.1.0
 */
public final class InMemoryStore implements WorkflowStore {

  private final ReentrantLock lock = new ReentrantLock();
  private final CommitHook hook;
  private final State state;
  private final View view = new View();
  private boolean closed;
  private @Nullable String broken;

  private InMemoryStore(CommitHook hook) {
    this(new State(), hook);
  }

  private InMemoryStore(State state, CommitHook hook) {
    this.state = state;
    this.hook = hook;
  }

  /**
   * A store over a state built elsewhere (a snapshot plus replayed events), for {@link
   * JournalStore}; the state is the store's from now on.
   */
  static InMemoryStore resume(State state, CommitHook hook) {
    return new InMemoryStore(state, hook);
  }

  /** Runs a function of the state under the store's lock: what a snapshot reads. */
  <T> T underLock(Function<State, T> action) {
    lock.lock();
    try {
      requireOpen();
      return action.apply(state);
    } finally {
      lock.unlock();
    }
  }

  /**
   * An empty store without a hook.
   *
   * @return the store
   */
  public static InMemoryStore create() {
    return new InMemoryStore(events -> {});
  }

  /**
   * An empty store whose hook sees every decision's events before they are applied.
   *
   * @param hook the hook
   * @return the store
   */
  public static InMemoryStore create(CommitHook hook) {
    return new InMemoryStore(Objects.requireNonNull(hook, "hook"));
  }

  /**
   * Rebuilds a store from events, applying each in order (without the hook), as the decisions that
   * made them did.
   *
   * @param events the events of past decisions, in order
   * @param hook the hook of later decisions
   * @return the store
   * @throws IllegalStateException if an event does not fit the state the earlier ones made, naming
   *     its position
   */
  public static InMemoryStore replay(Iterable<? extends StoreEvent> events, CommitHook hook) {
    InMemoryStore store = create(hook);
    long position = 0;
    for (StoreEvent event : events) {
      try {
        store.state.apply(event);
      } catch (IllegalStateException | IllegalArgumentException e) {
        throw new IllegalStateException(
            "event "
                + position
                + " ("
                + event.getClass().getSimpleName()
                + ") does not fit the "
                + "state of the events before it: "
                + e.getMessage(),
            e);
      }
      position++;
    }
    return store;
  }

  @Override
  public <T> T decide(Decision<T> decision) {
    Objects.requireNonNull(decision, "decision");
    lock.lock();
    try {
      requireOpen();
      Decided<T> decided = decision.decide(view);
      List<StoreEvent> events = decided.events();
      if (!events.isEmpty()) {
        hook.beforeApply(events);
        try {
          for (StoreEvent event : events) {
            state.apply(event);
          }
        } catch (RuntimeException e) {
          broken = e.getMessage();
          throw new IllegalStateException(
              "store refuses further use: an event of a decision did not fit: " + e.getMessage(),
              e);
        }
      }
      return decided.result();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public <T> T read(Function<StoreView, T> query) {
    Objects.requireNonNull(query, "query");
    lock.lock();
    try {
      requireOpen();
      return query.apply(view);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
    } finally {
      lock.unlock();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("store is closed");
    }
    if (broken != null) {
      throw new IllegalStateException("store refuses further use after a failed event: " + broken);
    }
  }

  /** A task and its counts, mutable under the store's lock. */
  static final class TaskEntry {
    final long seq;
    Task task;
    final @Nullable Annotation goldAnswer;
    int counted;
    int pending;
    int openLeases;
    @Nullable Instant completedAt;
    final List<Submission> submissions = new ArrayList<>();

    /** Whether this task is in its queue. */
    boolean queued;

    /** The priority this task is queued under, while {@link #queued}. */
    double queuedPriority;

    /**
     * The task's required skills (they never change), kept here so that a search of the queue tests
     * them without reading the task.
     */
    final Set<String> requiredSkills;

    /** Whether the task requires any skill (most do not). */
    final boolean needsSkills;

    TaskEntry(long seq, Task task, @Nullable Annotation goldAnswer) {
      this.seq = seq;
      this.task = task;
      this.goldAnswer = goldAnswer;
      this.requiredSkills = task.requiredSkills();
      this.needsSkills = !requiredSkills.isEmpty();
    }

    /** Whether an annotator with these skills may do this task. */
    boolean fits(Set<String> skills) {
      return !needsSkills || skills.containsAll(requiredSkills);
    }

    boolean gold() {
      return goldAnswer != null;
    }

    int free() {
      return gold() ? Integer.MAX_VALUE : task.overlap() - counted - pending - openLeases;
    }

    boolean available() {
      return completedAt == null && free() > 0;
    }

    TaskStatus status() {
      return new TaskStatus(
          task, gold(), counted, pending, openLeases, Optional.ofNullable(completedAt));
    }
  }

  /** What the store knows of an annotator, mutable under the store's lock. */
  static final class AnnotatorEntry {
    Annotator annotator;
    int assignments;
    int goldAssignments;
    int goldAnswered;
    int goldCorrect;
    Optional<GoldPolicy.Flag> flag = Optional.empty();
    final HadTasks had = new HadTasks();

    /** Where this annotator's last search of the regular queue stopped, or null. */
    @Nullable Cursor regularCursor;

    /** Where this annotator's last search of the gold queue stopped, or null. */
    @Nullable Cursor goldCursor;

    AnnotatorEntry(Annotator annotator) {
      this.annotator = annotator;
    }

    /** The last state {@link #cachedState()} made; it still holds while its parts are these. */
    private Optional<AnnotatorState> cached = Optional.empty();

    AnnotatorState state() {
      return new AnnotatorState(
          annotator, assignments, goldAssignments, goldAnswered, goldCorrect, flag);
    }

    /**
     * The state, made again only when a part changed since it was last made: a next and a submit
     * read it between two changes, and the check needs no invalidation wherever a part changes.
     */
    Optional<AnnotatorState> cachedState() {
      Optional<AnnotatorState> c = cached;
      if (c.isPresent()) {
        AnnotatorState s = c.get();
        if (s.annotator().equals(annotator)
            && s.assignments() == assignments
            && s.goldAssignments() == goldAssignments
            && s.goldAnswered() == goldAnswered
            && s.goldCorrect() == goldCorrect
            && s.flag().equals(flag)) {
          return c;
        }
      }
      c = Optional.of(state());
      cached = c;
      return c;
    }
  }

  record LeaseKey(String taskId, String annotatorId) {}

  /**
   * Where an annotator's search of a queue may resume: every task queued before the place {@code
   * (fromPriority, fromSeq)} was one the annotator had or lacked the skills for, as of the queue's
   * {@code insertions}-th insertion. The set of tasks an annotator had only grows and a task's
   * required skills never change, so the claim stays true until a task is put in the queue before
   * that place. Moved in place by each search.
   */
  static final class Cursor {
    double fromPriority;
    long fromSeq;
    long insertions;
    Set<String> skills;

    Cursor(double fromPriority, long fromSeq, long insertions, Set<String> skills) {
      this.fromPriority = fromPriority;
      this.fromSeq = fromSeq;
      this.insertions = insertions;
      this.skills = skills;
    }
  }

  /**
   * The available tasks of one kind, in queue order ({@link QueueOrder}: higher priority first,
   * then the order added), with the places of its most recent insertions so that a {@link Cursor}
   * can tell whether a task went in before it.
   */
  static final class Queue {
    private static final int RECENT = 64;

    /** After every place a task can have (priorities are finite). */
    private static final double END_PRIORITY = Double.NEGATIVE_INFINITY;

    private static final long END_SEQ = Long.MAX_VALUE;

    final QueueOrder entries = new QueueOrder();
    private final double[] recentPriority = new double[RECENT];
    private final long[] recentSeq = new long[RECENT];
    private long insertions;

    void add(TaskEntry entry) {
      entry.queuedPriority = entry.task.priority();
      entries.insert(entry);
      entry.queued = true;
      int slot = (int) (insertions % RECENT);
      recentPriority[slot] = entry.queuedPriority;
      recentSeq[slot] = entry.seq;
      insertions++;
    }

    void remove(TaskEntry entry) {
      if (entry.queued) {
        entries.delete(entry);
        entry.queued = false;
      }
    }

    /**
     * Whether a search may start at an annotator's cursor, moved back before any task put in the
     * queue since; false to start from the first task.
     */
    private boolean resume(Cursor cursor, Set<String> skills) {
      if (insertions - cursor.insertions > RECENT || !sameSkills(cursor.skills, skills)) {
        return false;
      }
      for (long i = cursor.insertions; i < insertions; i++) {
        int slot = (int) (i % RECENT);
        double p = recentPriority[slot];
        long seq = recentSeq[slot];
        if (QueueOrder.compare(p, seq, cursor.fromPriority, cursor.fromSeq) < 0) {
          cursor.fromPriority = p;
          cursor.fromSeq = seq;
        }
      }
      return true;
    }

    /**
     * The first task an annotator may take: not had, with the skills; moves the annotator's cursor.
     */
    @Nullable TaskEntry first(
        @Nullable AnnotatorEntry annotator, Set<String> skills, boolean gold) {
      HadTasks had = annotator == null ? null : annotator.had;
      Cursor cursor =
          annotator == null ? null : gold ? annotator.goldCursor : annotator.regularCursor;
      QueueOrder.Test may = entry -> (had == null || !had.has(entry)) && entry.fits(skills);
      TaskEntry found =
          cursor != null && resume(cursor, skills)
              ? entries.first(cursor.fromPriority, cursor.fromSeq, may)
              : entries.first(may);
      if (annotator != null) {
        double atPriority = found == null ? END_PRIORITY : found.queuedPriority;
        long atSeq = found == null ? END_SEQ : found.seq;
        if (cursor == null) {
          Cursor fresh = new Cursor(atPriority, atSeq, insertions, Set.copyOf(skills));
          if (gold) {
            annotator.goldCursor = fresh;
          } else {
            annotator.regularCursor = fresh;
          }
        } else {
          if (!sameSkills(cursor.skills, skills)) {
            cursor.skills = Set.copyOf(skills);
          }
          cursor.fromPriority = atPriority;
          cursor.fromSeq = atSeq;
          cursor.insertions = insertions;
        }
      }
      return found;
    }

    /**
     * Whether a cursor's skills are an annotator's; two empty sets (most annotators) compare
     * without the iterator that {@code equals} makes.
     */
    private static boolean sameSkills(Set<String> kept, Set<String> skills) {
      return kept == skills
          || (kept.size() == skills.size() && (kept.isEmpty() || kept.equals(skills)));
    }
  }

  /** Leases by expiry, then task id, then annotator id. */
  private static final Comparator<Lease> EXPIRY_ORDER =
      (a, b) -> {
        int c = a.expiresAt().compareTo(b.expiresAt());
        if (c != 0) {
          return c;
        }
        c = a.taskId().compareTo(b.taskId());
        return c != 0 ? c : a.annotatorId().compareTo(b.annotatorId());
      };

  /** The state, changed only by {@link #apply(StoreEvent)}. */
  static final class State {
    @Nullable Project project;
    long nextSeq;
    final Map<String, TaskEntry> tasks = new LinkedHashMap<>();
    final Queue regularQueue = new Queue();
    final Queue goldQueue = new Queue();
    final Map<LeaseKey, Lease> openLeases = new HashMap<>();
    final TreeSet<Lease> leasesByExpiry = new TreeSet<>(EXPIRY_ORDER);
    final AnnotatorIndex annotators = new AnnotatorIndex();
    final SubmissionIndex submissions = new SubmissionIndex();

    /**
     * Annotation ids taken other than by a submission (known answers of gold tasks, reviewers'
     * corrections); a submission's id is taken by its key in {@link #submissions}. May hold
     * submission ids too (a snapshot puts them here), which changes nothing.
     */
    final Set<String> takenIds = new HashSet<>();

    /** Whether an annotation id is used by a submission, a correction or a known answer. */
    boolean taken(String annotationId) {
      return submissions.containsKey(annotationId) || takenIds.contains(annotationId);
    }

    @CanIgnoreReturnValue
    Project requireProject() {
      Project p = project;
      if (p == null) {
        throw new IllegalStateException("the store has no project yet");
      }
      return p;
    }

    @CanIgnoreReturnValue
    TaskEntry requireTask(String taskId) {
      TaskEntry entry = tasks.get(taskId);
      if (entry == null) {
        throw new IllegalStateException("no task " + taskId);
      }
      return entry;
    }

    /** Puts a task in its queue or takes it out, after its priority or counts changed. */
    void requeue(TaskEntry entry) {
      Queue queue = entry.gold() ? goldQueue : regularQueue;
      boolean queued = entry.queued;
      boolean available = entry.available();
      if (queued && !available) {
        queue.remove(entry);
      } else if (!queued && available) {
        queue.add(entry);
      }
    }

    void apply(StoreEvent event) {
      switch (event) {
        case StoreEvent.ProjectCreated e -> {
          if (project != null) {
            throw new IllegalStateException("the store already has project " + project.id());
          }
          project = e.project();
        }
        case StoreEvent.TaskAdded e -> addTask(e);
        case StoreEvent.PrioritiesSet e -> {
          requireProject();
          for (String taskId : e.priorities().keySet()) {
            requireTask(taskId);
          }
          for (Map.Entry<String, Double> p : e.priorities().entrySet()) {
            TaskEntry entry = requireTask(p.getKey());
            Queue queue = entry.gold() ? goldQueue : regularQueue;
            boolean queued = entry.queued;
            queue.remove(entry);
            entry.task = entry.task.withPriority(p.getValue());
            if (queued) {
              queue.add(entry);
            }
          }
        }
        case StoreEvent.LeaseGranted e -> grant(e);
        case StoreEvent.LeaseEnded e -> {
          Lease lease = removeLease(e.taskId(), e.annotatorId(), "end");
          if (e.reason() == StoreEvent.EndReason.EXPIRED && !lease.expiredAt(e.at())) {
            throw new IllegalStateException(
                "lease of "
                    + e.annotatorId()
                    + " on "
                    + e.taskId()
                    + " expires at "
                    + lease.expiresAt()
                    + ", not yet at "
                    + e.at());
          }
        }
        case StoreEvent.Submitted e -> submit(e.submission());
        case StoreEvent.Reviewed e -> review(e.review());
        case StoreEvent.TaskCompleted e -> {
          TaskEntry entry = requireTask(e.taskId());
          if (entry.gold() || entry.completedAt != null || entry.counted != entry.task.overlap()) {
            throw new IllegalStateException(
                "task "
                    + e.taskId()
                    + " cannot complete: gold "
                    + entry.gold()
                    + ", counted "
                    + entry.counted
                    + " of "
                    + entry.task.overlap()
                    + ", completed at "
                    + entry.completedAt);
          }
          entry.completedAt = e.at();
          requeue(entry);
        }
        case StoreEvent.OverlapRaised e -> {
          TaskEntry entry = requireTask(e.taskId());
          if (entry.gold() || e.overlap() <= entry.task.overlap()) {
            throw new IllegalStateException(
                "task "
                    + e.taskId()
                    + " cannot have its overlap raised to "
                    + e.overlap()
                    + ": gold "
                    + entry.gold()
                    + ", overlap "
                    + entry.task.overlap());
          }
          entry.task = entry.task.withOverlap(e.overlap());
          entry.completedAt = null;
          requeue(entry);
        }
        case StoreEvent.AnnotatorFlagged e ->
            requireAnnotator(e.annotatorId()).flag = Optional.of(e.flag());
        case StoreEvent.AnnotatorReinstated e ->
            requireAnnotator(e.annotatorId()).flag = Optional.empty();
      }
    }

    AnnotatorEntry requireAnnotator(String annotatorId) {
      AnnotatorEntry entry = annotators.get(annotatorId);
      if (entry == null) {
        throw new IllegalStateException("no annotator " + annotatorId);
      }
      return entry;
    }

    private void addTask(StoreEvent.TaskAdded e) {
      requireProject();
      String id = e.task().id();
      if (tasks.containsKey(id)) {
        throw new IllegalStateException("task " + id + " exists already");
      }
      Optional<Annotation> known = e.goldAnswer();
      if (known.isPresent() && taken(known.get().id())) {
        throw new IllegalStateException("annotation id " + known.get().id() + " is taken");
      }
      TaskEntry entry = new TaskEntry(nextSeq++, e.task(), known.orElse(null));
      tasks.put(id, entry);
      known.ifPresent(k -> takenIds.add(k.id()));
      requeue(entry);
    }

    private void grant(StoreEvent.LeaseGranted e) {
      Lease lease = e.lease();
      TaskEntry entry = requireTask(lease.taskId());
      AnnotatorEntry annotator = annotators.get(lease.annotatorId());
      if (annotator != null && annotator.had.has(entry)) {
        throw new IllegalStateException(
            "annotator " + lease.annotatorId() + " already had task " + lease.taskId());
      }
      if (!entry.available()) {
        throw new IllegalStateException(
            "task " + lease.taskId() + " takes no lease: " + entry.status());
      }
      if (!entry.fits(e.annotator().skills())) {
        throw new IllegalStateException(
            "annotator " + lease.annotatorId() + " lacks skills " + entry.task.requiredSkills());
      }
      if (annotator == null) {
        annotator = new AnnotatorEntry(e.annotator());
        annotators.put(lease.annotatorId(), annotator);
      } else {
        annotator.annotator = e.annotator();
      }
      annotator.had.mark(entry);
      annotator.assignments++;
      if (entry.gold()) {
        annotator.goldAssignments++;
      }
      entry.openLeases++;
      openLeases.put(new LeaseKey(lease.taskId(), lease.annotatorId()), lease);
      leasesByExpiry.add(lease);
      requeue(entry);
    }

    @CanIgnoreReturnValue
    private Lease removeLease(String taskId, String annotatorId, String what) {
      Lease lease = openLeases.remove(new LeaseKey(taskId, annotatorId));
      if (lease == null) {
        throw new IllegalStateException(
            "cannot " + what + ": annotator " + annotatorId + " holds no open lease on " + taskId);
      }
      leasesByExpiry.remove(lease);
      TaskEntry entry = requireTask(taskId);
      entry.openLeases--;
      requeue(entry);
      return lease;
    }

    private void submit(Submission submission) {
      Annotation annotation = submission.annotation();
      if (taken(annotation.id())) {
        throw new IllegalStateException("annotation id " + annotation.id() + " is taken");
      }
      TaskEntry entry = requireTask(submission.taskId());
      if (entry.gold() != (submission.gold() != Submission.GoldOutcome.NOT_GOLD)) {
        throw new IllegalStateException(
            "submission "
                + annotation.id()
                + " has gold outcome "
                + submission.gold()
                + " but task "
                + entry.task.id()
                + (entry.gold() ? " is gold" : " is not gold"));
      }
      removeLease(submission.taskId(), annotation.annotatorId(), "submit");
      if (submission.awaitingReview()) {
        entry.pending++;
      } else {
        entry.counted++;
      }
      requeue(entry);
      if (entry.gold()) {
        AnnotatorEntry annotator = requireAnnotator(annotation.annotatorId());
        annotator.goldAnswered++;
        if (submission.gold() == Submission.GoldOutcome.CORRECT) {
          annotator.goldCorrect++;
        }
      }
      submissions.put(annotation.id(), submission);
      entry.submissions.add(submission);
    }

    private void review(Review review) {
      Submission submission = submissions.get(review.annotationId());
      if (submission == null) {
        throw new IllegalStateException("no submission " + review.annotationId());
      }
      if (submission.status() != Submission.Status.PENDING_REVIEW) {
        throw new IllegalStateException(
            "submission "
                + review.annotationId()
                + " is "
                + submission.status()
                + ", not awaiting review");
      }
      Optional<Annotation> correction = review.correction();
      if (correction.isPresent() && taken(correction.get().id())) {
        throw new IllegalStateException("annotation id " + correction.get().id() + " is taken");
      }
      TaskEntry entry = requireTask(submission.taskId());
      Submission reviewed = submission.withReview(review);
      entry.pending--;
      if (reviewed.counts()) {
        entry.counted++;
      }
      requeue(entry);
      correction.ifPresent(c -> takenIds.add(c.id()));
      submissions.put(review.annotationId(), reviewed);
      List<Submission> ofTask = entry.submissions;
      for (int i = 0; i < ofTask.size(); i++) {
        if (ofTask.get(i).id().equals(review.annotationId())) {
          ofTask.set(i, reviewed);
        }
      }
    }
  }

  /** The view of {@link #state}; only used under the lock. */
  private final class View implements StoreView {

    @Override
    public boolean prefetches() {
      return false;
    }

    @Override
    public Optional<Project> project() {
      return Optional.ofNullable(state.project);
    }

    @Override
    public Optional<TaskStatus> task(String taskId) {
      TaskEntry entry = state.tasks.get(taskId);
      return entry == null ? Optional.empty() : Optional.of(entry.status());
    }

    @Override
    public List<TaskStatus> tasks() {
      List<TaskStatus> statuses = new ArrayList<>(state.tasks.size());
      for (TaskEntry entry : state.tasks.values()) {
        statuses.add(entry.status());
      }
      return List.copyOf(statuses);
    }

    @Override
    public Optional<Annotation> goldAnswer(String taskId) {
      TaskEntry entry = state.tasks.get(taskId);
      return entry == null ? Optional.empty() : Optional.ofNullable(entry.goldAnswer);
    }

    @Override
    public Optional<Task> nextTask(String annotatorId, Set<String> skills, boolean gold) {
      AnnotatorEntry annotator = state.annotators.get(annotatorId);
      TaskEntry found =
          (gold ? state.goldQueue : state.regularQueue).first(annotator, skills, gold);
      return found == null ? Optional.empty() : Optional.of(found.task);
    }

    @Override
    public boolean had(String taskId, String annotatorId) {
      AnnotatorEntry annotator = state.annotators.get(annotatorId);
      if (annotator == null) {
        return false;
      }
      TaskEntry entry = state.tasks.get(taskId);
      return entry == null ? annotator.had.named(taskId) : annotator.had.has(entry);
    }

    @Override
    public Optional<Lease> openLease(String taskId, String annotatorId) {
      return Optional.ofNullable(state.openLeases.get(new LeaseKey(taskId, annotatorId)));
    }

    @Override
    public List<Lease> openLeases() {
      return List.copyOf(state.leasesByExpiry);
    }

    @Override
    public List<Lease> overdueLeases(Instant now, int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be >= 1, got " + limit);
      }
      if (state.leasesByExpiry.isEmpty() || !state.leasesByExpiry.first().expiredAt(now)) {
        return List.of();
      }
      List<Lease> overdue = new ArrayList<>();
      for (Lease lease : state.leasesByExpiry) {
        if (!lease.expiredAt(now) || overdue.size() == limit) {
          break;
        }
        overdue.add(lease);
      }
      return List.copyOf(overdue);
    }

    @Override
    public Optional<Submission> submission(String annotationId) {
      return Optional.ofNullable(state.submissions.get(annotationId));
    }

    @Override
    public boolean annotationIdTaken(String annotationId) {
      return state.taken(annotationId);
    }

    @Override
    public List<Submission> submissions() {
      return List.copyOf(state.submissions.values());
    }

    @Override
    public List<Submission> submissionsOf(String taskId) {
      TaskEntry entry = state.tasks.get(taskId);
      return entry == null ? List.of() : List.copyOf(entry.submissions);
    }

    @Override
    public Optional<AnnotatorState> annotator(String annotatorId) {
      AnnotatorEntry entry = state.annotators.get(annotatorId);
      return entry == null ? Optional.empty() : entry.cachedState();
    }

    @Override
    public List<AnnotatorState> annotators() {
      List<AnnotatorState> states = new ArrayList<>();
      for (AnnotatorEntry entry : state.annotators.values()) {
        states.add(entry.state());
      }
      return List.copyOf(states);
    }
  }
}
