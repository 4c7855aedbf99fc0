package org.annotationkit.core.task;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.annotation.ReviewState;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.core.store.AnnotatorState;
import org.annotationkit.core.store.Decided;
import org.annotationkit.core.store.Decision;
import org.annotationkit.core.store.Outcome;
import org.annotationkit.core.store.StoreEvent;
import org.annotationkit.core.store.StoreView;
import org.annotationkit.core.store.WorkflowStore;
import org.annotationkit.core.validation.AnnotationValidator;
import org.annotationkit.core.validation.ValidationException;
import org.annotationkit.core.validation.Violation;
import org.jspecify.annotations.Nullable;

/**
 * The labeling loop of one project: hands tasks to annotators as leases, takes their answers,
 * reviews them, scores gold answers, and reports costs, keeping its state in a {@link
 * WorkflowStore}. Thread-safe: every operation is one atomic {@link Decision} of the store.
 *
 * {@snippet :
 * WorkflowStore store = InMemoryStore.create();
 * Workflow.createProject(store, new Project("cats", schema, ProjectSettings.builder().overlap(3).build()));
 * Workflow workflow = Workflow.builder(store).clock(InstantSource.system()).build();
 * workflow.addItems(items);
 * Optional<Assignment> assignment = workflow.next(alice);
 * Receipt receipt = workflow.submit(answer);      // validated; idempotent by annotation id
 * Dataset dataset = workflow.export();            // every counted annotation
 * }
 *
 * <p><b>Assignment.</b> {@link #next(Annotator)} gives the highest-priority task (ties in the order
 * added) that the annotator may take: one whose required skills the annotator has, whose item the
 * annotator never had a lease on (skipped, released, lapsed or submitted), and that still needs
 * more leases than it has (its overlap less what counts, awaits review or is leased). Gold tasks
 * are mixed in at the project's gold rate, decided by a hash of the gold seed, the annotator and
 * how many leases they had, so the same run gives the same gold; gold is only handed out while
 * regular work is left for the annotator, and its assignment looks like any other. Leases lapse
 * after the project's lease duration: {@link #expireLeases()} (which {@code next} calls first) ends
 * them and the task goes back to the queue.
 *
 * <p><b>Submission.</b> {@link #submit(Annotation)} stores an annotation for a task its annotator
 * holds an open, unlapsed lease on, once it is valid against the schema and the item and its origin
 * fits its annotator ({@link Annotator#canMake}); otherwise it throws a {@link ValidationException}
 * with every violation and stores nothing. The lead time is the time from lease to submission. With
 * review off a submission counts at once; a task is complete when as many submissions count as its
 * overlap. Submitting the same annotation again returns the first receipt.
 *
 * <p><b>Review</b> (when the project has it): {@link #accept}, {@link #reject}, {@link #correct}. A
 * rejected submission frees its slot for another annotator; a correction is stored beside the
 * original. Gold answers are scored, never reviewed.
 *
 * <p><b>Consensus.</b> When a regular task gets the last accepted annotation its overlap asks for
 * (a submission without review, an import, or a reviewer's accept or correction), the workflow's
 * {@link ConsensusPolicy} decides, in the same decision, whether the task completes or needs one
 * more annotator: then its overlap grows by one ({@link StoreEvent.OverlapRaised}) and it goes back
 * to the queue, never to the annotators who had it, and the policy is asked again when the new
 * answer counts. So an item whose answers disagree gets more annotators, up to the policy's cap.
 * {@link #requestAnotherAnnotator} does the same by hand, on a task complete or not.
 *
 * @since 0.1.0
 */
public final class Workflow {

  private static final System.Logger LOG = System.getLogger(Workflow.class.getName());

  /** How many lapsed leases one decision ends at most. */
  private static final int EXPIRY_BATCH = 1024;

  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

  /** The decision of {@link #expireLeases()} when no lease lapsed. */
  private static final Decided<List<Lease>> NOTHING_EXPIRED = new Decided<>(List.of(), List.of());

  private final WorkflowStore store;
  private final InstantSource clock;
  private final GoldMatcher matcher;
  private final GoldPolicy policy;
  private final ConsensusPolicy consensus;
  private final List<WorkflowListener> listeners;
  private final Project project;
  private final AnnotationValidator validator;

  private Workflow(Builder builder) {
    this.store = builder.store;
    this.clock = builder.clock;
    this.matcher = builder.matcher;
    this.policy = builder.policy;
    this.consensus = builder.consensus;
    this.listeners = new CopyOnWriteArrayList<>(builder.listeners);
    this.project =
        store
            .read(StoreView::project)
            .orElseThrow(() ->
                new IllegalStateException(
                    "the store has no project; call Workflow.createProject first"));
    this.validator = AnnotationValidator.of(project.schema());
  }

  /**
   * Creates a store's project, or checks that the store holds this very project.
   *
   * @param store an empty store, or one holding the project
   * @param project the project
   * @throws IllegalStateException if the store holds another project
   */
  public static void createProject(WorkflowStore store, Project project) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(project, "project");
    Boolean created =
        store.decide(view -> {
          Optional<Project> existing = view.project();
          if (existing.isPresent()) {
            if (!existing.get().equals(project)) {
              throw new IllegalStateException(
                  "the store holds project "
                      + existing.get().id()
                      + " with other settings or schema than project "
                      + project.id());
            }
            return new Decided<>(false, List.of());
          }
          return new Decided<>(true, List.of(new StoreEvent.ProjectCreated(project)));
        });
    LOG.log(
        System.Logger.Level.DEBUG, "project {0} {1}", project.id(), created ? "created" : "found");
  }

  /**
   * Starts a workflow over a store that holds a project, with the system clock, the {@linkplain
   * GoldMatcher#standard() standard gold matcher}, no gold policy and no listeners.
   *
   * @param store the store
   * @return a new builder
   */
  public static Builder builder(WorkflowStore store) {
    return new Builder(store);
  }

  /**
   * The project.
   *
   * @return the project
   */
  public Project project() {
    return project;
  }

  /**
   * Adds a listener.
   *
   * @param listener the listener
   */
  public void addListener(WorkflowListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  // ---------------------------------------------------------------------------------------------
  // Tasks

  /**
   * Adds items as regular tasks with the project's overlap, priority 0, no skills, no pre-labels.
   *
   * @param items the items, with ids new to the project
   * @throws IllegalArgumentException if an id repeats or is already a task, naming it
   */
  public void addItems(Collection<? extends Item> items) {
    List<Task> tasks = new ArrayList<>(items.size());
    for (Item item : items) {
      tasks.add(Task.of(item, project.settings().overlap()));
    }
    addTasks(tasks);
  }

  /**
   * Adds regular tasks, all or none.
   *
   * @param tasks the tasks, with ids new to the project
   * @throws IllegalArgumentException if an id repeats or is already a task, naming it
   * @throws ValidationException if a pre-label is not valid for the schema and its item, with the
   *     pointers of every violation prefixed by {@code /tasks/i/prelabels/j}
   */
  public void addTasks(Collection<Task> tasks) {
    List<Task> copy = List.copyOf(tasks);
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < copy.size(); i++) {
      Task task = copy.get(i);
      for (int j = 0; j < task.prelabels().size(); j++) {
        String prefix = "/tasks/" + i + "/prelabels/" + j;
        for (Violation v : validator.validate(task.prelabels().get(j), task.item())) {
          violations.add(new Violation(prefix + v.path(), v.code(), v.message()));
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    List<StoreEvent> events = new ArrayList<>();
    for (Task task : copy) {
      events.add(new StoreEvent.TaskAdded(task, Optional.empty()));
    }
    addAll(copy, events);
  }

  /**
   * Adds a gold task: an item with a known answer, handed out at the project's gold rate to any
   * annotator with the skills, once each, and scored against the answer.
   *
   * @param task the task (its overlap is ignored), with an id new to the project
   * @param knownAnswer the known answer of the task's item, valid for the schema and the item
   * @throws IllegalArgumentException if the id is already a task, or the answer is of another item
   * @throws ValidationException if the answer is not valid for the schema and the item
   */
  public void addGoldTask(Task task, Annotation knownAnswer) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(knownAnswer, "knownAnswer");
    List<Violation> violations = new ArrayList<>(validator.validate(knownAnswer, task.item()));
    for (int j = 0; j < task.prelabels().size(); j++) {
      for (Violation v : validator.validate(task.prelabels().get(j), task.item())) {
        violations.add(new Violation("/prelabels/" + j + v.path(), v.code(), v.message()));
      }
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    addAll(List.of(task), List.of(new StoreEvent.TaskAdded(task, Optional.of(knownAnswer))));
  }

  private void addAll(List<Task> tasks, List<StoreEvent> events) {
    Set<String> ids = new HashSet<>();
    for (Task task : tasks) {
      if (!ids.add(task.id())) {
        throw new IllegalArgumentException("task " + Require.quote(task.id()) + " comes twice");
      }
    }
    Boolean unused =
        store.decide(view -> {
          for (Task task : tasks) {
            if (view.task(task.id()).isPresent()) {
              throw new IllegalArgumentException(
                  "task " + Require.quote(task.id()) + " is already in the project");
            }
          }
          for (StoreEvent event : events) {
            if (event instanceof StoreEvent.TaskAdded added && added.goldAnswer().isPresent()) {
              String id = added.goldAnswer().get().id();
              if (view.annotationIdTaken(id)) {
                throw new IllegalArgumentException(
                    "the known answer's id " + Require.quote(id) + " is already used");
              }
            }
          }
          return new Decided<>(true, events);
        });
  }

  /**
   * Sets the priorities of many tasks at once, such as an active-learning ranking.
   *
   * @param priorities task id to priority (finite)
   * @throws IllegalArgumentException if a task is unknown, naming it
   */
  public void setPriorities(Map<String, Double> priorities) {
    StoreEvent.PrioritiesSet event = new StoreEvent.PrioritiesSet(priorities);
    Boolean unused =
        store.decide(view -> {
          for (String taskId : event.priorities().keySet()) {
            if (view.task(taskId).isEmpty()) {
              throw new IllegalArgumentException(
                  "no task " + Require.quote(taskId) + " to set the priority of");
            }
          }
          return new Decided<>(true, List.of(event));
        });
  }

  /**
   * Where a task stands (for the project's owner: it says whether the task is gold).
   *
   * @param taskId the task
   * @return the status, or empty for an unknown task
   */
  public Optional<TaskStatus> status(String taskId) {
    Objects.requireNonNull(taskId, "taskId");
    return store.read(view -> view.task(taskId));
  }

  /**
   * Every task, in the order added.
   *
   * @return the statuses
   */
  public List<TaskStatus> tasks() {
    return store.read(StoreView::tasks);
  }

  // ---------------------------------------------------------------------------------------------
  // Leases

  /**
   * Leases the next task to an annotator, after ending lapsed leases.
   *
   * @param annotator the annotator, with the skills they have now
   * @return the assignment, or empty when nothing is left for this annotator or they are suspended
   */
  public Optional<Assignment> next(Annotator annotator) {
    Objects.requireNonNull(annotator, "annotator");
    int unused = expireLeases();
    Instant now = clock.instant();
    Duration leaseDuration = project.settings().leaseDuration();
    Optional<Assignment> assignment =
        store.decide(view -> {
          if (view.prefetches()) {
            view.prefetch(
                List.of(
                    new StoreView.Read.AnnotatorOf(annotator.id()),
                    new StoreView.Read.NextTaskFor(annotator.id(), annotator.skills(), false)));
          }
          Optional<AnnotatorState> state = view.annotator(annotator.id());
          if (state.isPresent() && state.get().suspended()) {
            return new Decided<>(Optional.<Assignment>empty(), List.of());
          }
          Optional<Task> regular = view.nextTask(annotator.id(), annotator.skills(), false);
          if (regular.isEmpty()) {
            return new Decided<>(Optional.<Assignment>empty(), List.of());
          }
          int served = state.isPresent() ? state.get().assignments() : 0;
          Task chosen = regular.get();
          if (goldTurn(annotator.id(), served)) {
            chosen = view.nextTask(annotator.id(), annotator.skills(), true).orElse(chosen);
          }
          Lease lease = new Lease(chosen.id(), annotator.id(), now, now.plus(leaseDuration));
          return new Decided<>(
              Optional.of(Assignment.of(chosen, lease)),
              List.of(new StoreEvent.LeaseGranted(lease, annotator)));
        });
    return assignment;
  }

  /**
   * Whether an annotator's lease number {@code served} (from 0) is a gold turn: a uniform draw in
   * [0, 1) from a hash of the gold seed, the annotator's id and the number, under the gold rate.
   */
  private boolean goldTurn(String annotatorId, int served) {
    double rate = project.settings().goldRate();
    if (rate <= 0) {
      return false;
    }
    long h = project.settings().goldSeed();
    h = mix(h ^ annotatorId.hashCode());
    h = mix(h + served);
    return (h >>> 11) * 0x1.0p-53 < rate;
  }

  /** The SplitMix64 finaliser (Steele, Lea and Flood, OOPSLA 2014). */
  private static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Ends every lease that has lapsed by now; their tasks go back to the queue (not to the same
   * annotators).
   *
   * @return how many leases ended
   */
  @CanIgnoreReturnValue
  public int expireLeases() {
    int total = 0;
    while (true) {
      Instant now = clock.instant();
      List<Lease> expired =
          store.decide(view -> {
            List<Lease> overdue = view.overdueLeases(now, EXPIRY_BATCH);
            if (overdue.isEmpty()) {
              return NOTHING_EXPIRED;
            }
            List<StoreEvent> events = new ArrayList<>(overdue.size());
            for (Lease lease : overdue) {
              events.add(
                  new StoreEvent.LeaseEnded(
                      lease.taskId(), lease.annotatorId(), now, StoreEvent.EndReason.EXPIRED));
            }
            return new Decided<>(overdue, events);
          });
      for (Lease lease : expired) {
        notify(l -> l.leaseExpired(lease));
      }
      total += expired.size();
      if (expired.size() < EXPIRY_BATCH) {
        return total;
      }
    }
  }

  /**
   * An annotator skips a task they hold: it goes back to the queue, never to them.
   *
   * @param annotatorId the annotator
   * @param taskId the task
   * @throws IllegalStateException if the annotator holds no open lease on the task
   */
  public void skip(String annotatorId, String taskId) {
    endLease(annotatorId, taskId, StoreEvent.EndReason.SKIPPED);
  }

  /**
   * An annotator gives back a task they hold: it goes back to the queue, never to them.
   *
   * @param annotatorId the annotator
   * @param taskId the task
   * @throws IllegalStateException if the annotator holds no open lease on the task
   */
  public void release(String annotatorId, String taskId) {
    endLease(annotatorId, taskId, StoreEvent.EndReason.RELEASED);
  }

  private void endLease(String annotatorId, String taskId, StoreEvent.EndReason reason) {
    Require.nonEmpty(annotatorId, "annotatorId");
    Require.nonEmpty(taskId, "taskId");
    Instant now = clock.instant();
    Boolean unused =
        store.decide(view -> {
          if (view.openLease(taskId, annotatorId).isEmpty()) {
            throw new IllegalStateException(
                "annotator "
                    + Require.quote(annotatorId)
                    + " holds no open lease on task "
                    + Require.quote(taskId)
                    + " to "
                    + reason.name().toLowerCase(java.util.Locale.ROOT));
          }
          return new Decided<>(
              true, List.of(new StoreEvent.LeaseEnded(taskId, annotatorId, now, reason)));
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Submission

  /**
   * Stores an annotator's answer for a task they hold (the annotation's item id is the task's id,
   * its annotator id the lease's). A retry of a stored submission (same id, annotator, item, origin
   * and results) returns the first receipt and changes nothing.
   *
   * @param annotation the answer, unreviewed
   * @return the receipt
   * @throws ValidationException if the annotation is not valid for the schema and the item, or its
   *     origin does not fit its annotator, with every violation; nothing is stored
   * @throws IllegalStateException if the annotator holds no open lease on the task, or it lapsed,
   *     or the annotation id is already used by another annotation
   * @throws IllegalArgumentException if the annotation is not unreviewed, or its item is no task
   */
  public Receipt submit(Annotation annotation) {
    Objects.requireNonNull(annotation, "annotation");
    if (annotation.reviewState() != ReviewState.UNREVIEWED) {
      throw new IllegalArgumentException(
          "a submitted annotation must be unreviewed, got " + annotation.reviewState().jsonName());
    }
    Instant now = clock.instant();
    Stored stored =
        store.decide(view -> {
          if (view.prefetches()) {
            view.prefetch(
                List.of(
                    new StoreView.Read.SubmissionOf(annotation.id()),
                    new StoreView.Read.TaskOf(annotation.itemId()),
                    new StoreView.Read.OpenLeaseOf(annotation.itemId(), annotation.annotatorId())));
          }
          Start start = start(view, annotation);
          if (start.again != null) {
            return new Decided<>(new Stored(start.again, List.of()), List.of());
          }
          String taskId = annotation.itemId();
          TaskStatus status = Objects.requireNonNull(start.status);
          Lease lease =
              view.openLease(taskId, annotation.annotatorId())
                  .orElseThrow(() ->
                      new IllegalStateException(
                          "annotator "
                              + Require.quote(annotation.annotatorId())
                              + " holds no open lease on task "
                              + Require.quote(taskId)));
          if (lease.expiredAt(now)) {
            throw new IllegalStateException(
                "the lease of annotator "
                    + Require.quote(annotation.annotatorId())
                    + " on task "
                    + Require.quote(taskId)
                    + " lapsed at "
                    + lease.expiresAt()
                    + ", before the submission at "
                    + now);
          }
          List<Violation> violations = validator.validate(annotation, status.task().item());
          AnnotatorState before =
              view.annotator(annotation.annotatorId())
                  .orElseThrow(() ->
                      new IllegalStateException(
                          "no annotator " + Require.quote(annotation.annotatorId())));
          Annotator annotator = before.annotator();
          if (!annotator.canMake(annotation.origin())) {
            violations = new ArrayList<>(violations);
            violations.add(
                new Violation(
                    "/origin",
                    Violation.Code.ORIGIN_MISMATCH,
                    "annotator "
                        + Require.quote(annotator.id())
                        + " is a "
                        + annotator.kind().jsonName()
                        + " but the annotation's origin is "
                        + annotation.origin().annotatorKind().jsonName()));
          }
          if (!violations.isEmpty()) {
            throw new ValidationException(violations);
          }
          double lead = Duration.between(lease.grantedAt(), now).toNanos() / 1e9;
          Annotation timed = Annotations.withTiming(annotation, now, lead);
          Optional<Annotation> known = view.goldAnswer(taskId);
          Submission.GoldOutcome outcome = goldOutcome(annotation, known);
          boolean awaiting = known.isEmpty() && project.settings().review();
          Submission submission =
              new Submission(timed, now, lead, awaiting, outcome, Optional.empty());
          StoreEvent submitted = new StoreEvent.Submitted(submission);
          Receipt receipt = receipt(submission);
          if (!awaiting && known.isEmpty() && status.counted() + 1 == status.task().overlap()) {
            List<StoreEvent> events = List.of(submitted, completion(view, status, timed, now));
            return new Decided<>(new Stored(receipt, events), events);
          }
          if (known.isEmpty()) {
            // The common case: one event, in a list that the store keeps without copying.
            List<StoreEvent> events = List.of(submitted);
            return new Decided<>(new Stored(receipt, events), events);
          }
          // A gold answer: scored, and its annotator maybe flagged.
          GoldStanding standing =
              new GoldStanding(
                  annotator.id(),
                  before.goldAnswered() + 1,
                  before.goldCorrect() + (outcome == Submission.GoldOutcome.CORRECT ? 1 : 0));
          Optional<GoldPolicy.Flag> flag = policy.judge(standing);
          List<StoreEvent> events =
              flag.isPresent() && before.flag().isEmpty()
                  ? List.of(
                      submitted, new StoreEvent.AnnotatorFlagged(annotator.id(), flag.get(), now))
                  : List.of(submitted);
          return new Decided<>(new Stored(receipt, events), events);
        });
    fire(stored.events);
    return stored.receipt;
  }

  /** What a submission's decision gives: the receipt, and the events to tell the listeners of. */
  private record Stored(Receipt receipt, List<StoreEvent> events) {}

  /**
   * Stores an existing annotation (made in another tool) as an accepted submission, without a
   * lease: it takes one of its task's free slots, counts at once (no review), and completes the
   * task when it is the last one needed. In one decision, the store records a lease granted and
   * ended by this submission at the same instant, so that the annotator never gets the task again.
   * An annotation to a gold task is scored like an answer. Importing the same annotation twice
   * returns the first receipt and changes nothing.
   *
   * @param annotation the annotation; its review state is kept, its annotator is human or model as
   *     its origin says
   * @return the receipt
   * @throws ValidationException if the annotation is not valid for the schema and the item, with
   *     every violation; nothing is stored
   * @throws IllegalStateException if the task has no free slot, is complete, or its annotator
   *     already had it, or the annotation id is used by another annotation
   * @throws IllegalArgumentException if the annotation's item is no task
   */
  public Receipt importAnnotation(Annotation annotation) {
    Objects.requireNonNull(annotation, "annotation");
    List<StoreEvent> made = new ArrayList<>();
    Receipt receipt = store.decide(importing(annotation, clock.instant(), made));
    fire(made);
    return receipt;
  }

  /**
   * Imports many annotations as {@link #importAnnotation} imports one, each on its own: an
   * annotation that is refused stores nothing and the ones after it still go in (an earlier one of
   * the same batch counts for the later ones, as if imported before them). Returns once every
   * stored annotation is durable, which a durable store reaches with far fewer {@code fsync}s than
   * one import at a time ({@link WorkflowStore#decideEach}); a crash loses whole imports only.
   *
   * @param annotations the annotations, in order
   * @return for each, in the same order, its receipt, or why it was refused: a {@link
   *     ValidationException}, {@link IllegalStateException} or {@link IllegalArgumentException} as
   *     {@link #importAnnotation} throws them
   * @throws IllegalStateException if the store is closed, or failed so that the imports may not be
   *     durable (then acknowledge none of them)
   */
  public List<Outcome<Receipt>> importAnnotations(List<Annotation> annotations) {
    List<Annotation> copy = List.copyOf(annotations);
    Instant now = clock.instant();
    List<List<StoreEvent>> made = new ArrayList<>(copy.size());
    List<Decision<Receipt>> decisions = new ArrayList<>(copy.size());
    for (Annotation annotation : copy) {
      List<StoreEvent> events = new ArrayList<>();
      made.add(events);
      decisions.add(importing(annotation, now, events));
    }
    List<Outcome<Receipt>> outcomes = store.decideEach(decisions);
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i) instanceof Outcome.Applied<Receipt>) {
        fire(made.get(i));
      }
    }
    return outcomes;
  }

  /** The decision of one import; {@code made} gets its events. */
  private Decision<Receipt> importing(Annotation annotation, Instant now, List<StoreEvent> made) {
    Objects.requireNonNull(annotation, "annotation");
    return view -> {
      made.clear();
      Start start = start(view, annotation);
      if (start.again != null) {
        return new Decided<>(start.again, List.of());
      }
      String taskId = annotation.itemId();
      TaskStatus status = Objects.requireNonNull(start.status);
      List<Violation> violations = validator.validate(annotation, status.task().item());
      if (!violations.isEmpty()) {
        throw new ValidationException(violations);
      }
      String who = annotation.annotatorId();
      if (view.had(taskId, who)) {
        throw new IllegalStateException(
            "annotator " + Require.quote(who) + " already had task " + Require.quote(taskId));
      }
      if (status.complete() || status.freeSlots() < 1) {
        throw new IllegalStateException(
            "task "
                + Require.quote(taskId)
                + " needs no more annotations ("
                + status.counted()
                + " counted, "
                + status.pending()
                + " awaiting review, "
                + status.openLeases()
                + " leased, of "
                + status.task().overlap()
                + ")");
      }
      Annotator annotator =
          new Annotator(
              who,
              annotation.origin().annotatorKind(),
              view.annotator(who)
                  .map(a -> unionOf(a.annotator().skills(), status.task().requiredSkills()))
                  .orElse(status.task().requiredSkills()));
      Lease lease = new Lease(taskId, who, now, now.plus(project.settings().leaseDuration()));
      made.add(new StoreEvent.LeaseGranted(lease, annotator));
      double lead = annotation.leadTimeSeconds().orElse(0);
      Optional<Annotation> known = view.goldAnswer(taskId);
      Submission.GoldOutcome outcome = goldOutcome(annotation, known);
      Submission submission =
          new Submission(annotation, now, lead, false, outcome, Optional.empty());
      made.add(new StoreEvent.Submitted(submission));
      if (known.isEmpty() && status.counted() + 1 == status.task().overlap()) {
        made.add(completion(view, status, annotation, now));
      }
      return new Decided<>(receipt(submission), made);
    };
  }

  /**
   * The event that ends a decision giving a regular task its last needed accepted annotation: the
   * task completes, or, when the consensus policy asks for one more annotator, its overlap grows by
   * one. {@code last} is that annotation (the one being stored, or a reviewer's correction).
   */
  private StoreEvent completion(StoreView view, TaskStatus status, Annotation last, Instant now) {
    Task task = status.task();
    ConsensusCheck check =
        ConsensusCheck.lazy(
            task,
            () -> {
              List<Annotation> accepted = new ArrayList<>(task.overlap());
              for (Submission s : view.submissionsOf(task.id())) {
                if (s.counts()) {
                  s.effectiveAnnotation().ifPresent(accepted::add);
                }
              }
              accepted.add(last);
              return accepted;
            },
            () -> {
              List<Annotation> answers = new ArrayList<>();
              for (Submission s : view.submissions()) {
                if (s.counts() && s.gold() == Submission.GoldOutcome.NOT_GOLD) {
                  s.effectiveAnnotation().ifPresent(answers::add);
                }
              }
              answers.add(last);
              return answers;
            });
    ConsensusPolicy.Verdict verdict =
        Objects.requireNonNull(consensus.judge(check), "the consensus policy's verdict");
    if (verdict == ConsensusPolicy.Verdict.ONE_MORE) {
      return new StoreEvent.OverlapRaised(task.id(), task.overlap() + 1, now);
    }
    return new StoreEvent.TaskCompleted(task.id(), now);
  }

  /**
   * Asks for one more distinct annotator of a regular task, complete or not, unless it already has
   * a maximum overlap: its overlap grows by one, and a complete task goes back to the queue (never
   * to the annotators who had it) until the new annotator's answer counts. This is what a {@link
   * ConsensusPolicy} does automatically when a task gets its last needed annotation; call this one
   * when the doubt comes later (a label-noise report on a finished project).
   *
   * @param taskId the task
   * @param maxOverlap the most distinct annotators the task may be given, {@code >= 1}
   * @return whether the overlap grew; false when it was {@code maxOverlap} or more already
   * @throws IllegalArgumentException if the task is unknown or gold
   */
  @CanIgnoreReturnValue
  public boolean requestAnotherAnnotator(String taskId, int maxOverlap) {
    Require.nonEmpty(taskId, "taskId");
    Require.positive(maxOverlap, "maxOverlap");
    Instant now = clock.instant();
    List<StoreEvent> made = new ArrayList<>();
    Boolean raised =
        store.decide(view -> {
          made.clear();
          TaskStatus status =
              view.task(taskId)
                  .orElseThrow(() ->
                      new IllegalArgumentException(
                          "no task " + Require.quote(taskId) + " in project " + project.id()));
          if (status.gold()) {
            throw new IllegalArgumentException(
                "task " + Require.quote(taskId) + " is gold: gold tasks have no overlap");
          }
          int overlap = status.task().overlap();
          if (overlap >= maxOverlap) {
            return new Decided<>(false, List.of());
          }
          made.add(new StoreEvent.OverlapRaised(taskId, overlap + 1, now));
          return new Decided<>(true, made);
        });
    fire(made);
    return raised;
  }

  /**
   * How a decision that stores an annotation starts: with the first receipt when the annotation was
   * stored before (a retry), else with the status of its task (its item's).
   *
   * @param again the first receipt of a retry, or null
   * @param status the task's status when the id is free, or null
   */
  private record Start(@Nullable Receipt again, @Nullable TaskStatus status) {}

  /**
   * The start of every decision that stores an annotation: a retry's first receipt, or the task.
   *
   * @throws IllegalStateException if the id is used by another annotation
   * @throws IllegalArgumentException if the annotation's item is no task
   */
  private Start start(StoreView view, Annotation annotation) {
    Optional<Submission> existing = view.submission(annotation.id());
    if (existing.isPresent()) {
      return new Start(retry(existing.get(), annotation), null);
    }
    if (view.annotationIdTaken(annotation.id())) {
      throw new IllegalStateException(
          "annotation id " + Require.quote(annotation.id()) + " is already used");
    }
    String taskId = annotation.itemId();
    TaskStatus status =
        view.task(taskId)
            .orElseThrow(() ->
                new IllegalArgumentException(
                    "no task "
                        + Require.quote(taskId)
                        + " (the annotation's item) in project "
                        + project.id()));
    return new Start(null, status);
  }

  /** How an answer fares against its task's known answer, if the task is gold. */
  private Submission.GoldOutcome goldOutcome(Annotation annotation, Optional<Annotation> known) {
    if (known.isEmpty()) {
      return Submission.GoldOutcome.NOT_GOLD;
    }
    return matcher.matches(annotation, known.get())
        ? Submission.GoldOutcome.CORRECT
        : Submission.GoldOutcome.INCORRECT;
  }

  private static Set<String> unionOf(Set<String> a, Set<String> b) {
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    return union;
  }

  private static Receipt receipt(Submission submission) {
    return new Receipt(
        submission.id(),
        submission.taskId(),
        submission.submittedAt(),
        submission.leadTimeSeconds());
  }

  private static Receipt retry(Submission existing, Annotation annotation) {
    Annotation stored = existing.annotation();
    if (!stored.annotatorId().equals(annotation.annotatorId())
        || !stored.itemId().equals(annotation.itemId())
        || !stored.origin().equals(annotation.origin())
        || !stored.results().equals(annotation.results())) {
      throw new IllegalStateException(
          "annotation id "
              + Require.quote(annotation.id())
              + " is already used by another annotation (of annotator "
              + Require.quote(stored.annotatorId())
              + ", item "
              + Require.quote(stored.itemId())
              + ")");
    }
    return receipt(existing);
  }

  private void fire(List<StoreEvent> events) {
    if (listeners.isEmpty()) {
      // Nothing to tell, and nothing to read (a gold answer's standing) to tell it.
      return;
    }
    for (StoreEvent event : events) {
      switch (event) {
        case StoreEvent.TaskCompleted e -> notify(l -> l.taskCompleted(e.taskId(), e.at()));
        case StoreEvent.OverlapRaised e ->
            notify(l -> l.overlapRaised(e.taskId(), e.overlap(), e.at()));
        case StoreEvent.Submitted e -> {
          Submission s = e.submission();
          if (s.gold() != Submission.GoldOutcome.NOT_GOLD) {
            GoldStanding standing = goldStanding(s.annotation().annotatorId());
            boolean correct = s.gold() == Submission.GoldOutcome.CORRECT;
            notify(l -> l.goldAnswered(s.id(), s.taskId(), correct, standing));
          }
        }
        case StoreEvent.AnnotatorFlagged e -> {
          GoldStanding standing = goldStanding(e.annotatorId());
          notify(l -> l.annotatorFlagged(standing, e.flag()));
        }
        default -> {}
      }
    }
  }

  private interface Call {
    void on(WorkflowListener listener);
  }

  private void notify(Call call) {
    for (WorkflowListener listener : listeners) {
      try {
        call.on(listener);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "a workflow listener failed", e);
      }
    }
  }

  /**
   * A submission by its annotation's id (for the project's owner and reviewers).
   *
   * @param annotationId the id
   * @return the submission, or empty
   */
  public Optional<Submission> submission(String annotationId) {
    Objects.requireNonNull(annotationId, "annotationId");
    return store.read(view -> view.submission(annotationId));
  }

  /**
   * Every submission, in the order stored.
   *
   * @return the submissions
   */
  public List<Submission> submissions() {
    return store.read(StoreView::submissions);
  }

  // ---------------------------------------------------------------------------------------------
  // Review

  /**
   * Submissions that wait for a reviewer, oldest first.
   *
   * @return the submissions
   */
  public List<Submission> pendingReviews() {
    return store.read(view -> {
      List<Submission> pending = new ArrayList<>();
      for (Submission s : view.submissions()) {
        if (s.status() == Submission.Status.PENDING_REVIEW) {
          pending.add(s);
        }
      }
      return List.copyOf(pending);
    });
  }

  /**
   * A reviewer accepts a submission as it is.
   *
   * @param annotationId the submission
   * @param reviewerId the reviewer, not its annotator
   * @return the reviewed submission
   * @throws IllegalStateException if the project has no review, or the submission does not await
   *     review (unless it got this very verdict already: then it is returned as it is)
   */
  @CanIgnoreReturnValue
  public Submission accept(String annotationId, String reviewerId) {
    return review(
        annotationId, reviewerId, Review.Verdict.ACCEPT, Optional.empty(), Optional.empty());
  }

  /**
   * A reviewer rejects a submission: it does not count, and the task goes back to the queue for
   * another annotator.
   *
   * @param annotationId the submission
   * @param reviewerId the reviewer, not its annotator
   * @param comment why, for the annotator
   * @return the reviewed submission
   * @throws IllegalStateException as {@link #accept} does
   */
  @CanIgnoreReturnValue
  public Submission reject(String annotationId, String reviewerId, String comment) {
    return review(
        annotationId,
        reviewerId,
        Review.Verdict.REJECT,
        Optional.empty(),
        Optional.of(Objects.requireNonNull(comment, "comment")));
  }

  /**
   * A reviewer corrects a submission: the correction counts in its place, and the original is kept.
   *
   * @param annotationId the submission
   * @param reviewerId the reviewer, not its annotator
   * @param correction the corrected annotation: of the same item, with an id of its own; stored
   *     with review state {@link ReviewState#CORRECTED}
   * @return the reviewed submission
   * @throws ValidationException if the correction is not valid for the schema and the item
   * @throws IllegalStateException as {@link #accept} does, or if the correction's id is taken
   */
  @CanIgnoreReturnValue
  public Submission correct(String annotationId, String reviewerId, Annotation correction) {
    Objects.requireNonNull(correction, "correction");
    return review(
        annotationId,
        reviewerId,
        Review.Verdict.CORRECT,
        Optional.of(Annotations.withReviewState(correction, ReviewState.CORRECTED)),
        Optional.empty());
  }

  private Submission review(
      String annotationId,
      String reviewerId,
      Review.Verdict verdict,
      Optional<Annotation> correction,
      Optional<String> comment) {
    Require.nonEmpty(annotationId, "annotationId");
    Require.nonEmpty(reviewerId, "reviewerId");
    if (!project.settings().review()) {
      throw new IllegalStateException("project " + project.id() + " has no review");
    }
    Instant now = clock.instant();
    List<StoreEvent> made = new ArrayList<>();
    Submission reviewed =
        store.decide(view -> {
          made.clear();
          Submission submission =
              view.submission(annotationId)
                  .orElseThrow(() ->
                      new IllegalArgumentException("no submission " + Require.quote(annotationId)));
          if (submission.review().isPresent()) {
            Review done = submission.review().get();
            if (done.verdict() == verdict
                && done.reviewerId().equals(reviewerId)
                && done.correction().equals(correction)) {
              return new Decided<>(submission, List.of());
            }
            throw new IllegalStateException(
                "submission "
                    + Require.quote(annotationId)
                    + " was already reviewed: "
                    + done.verdict()
                    + " by "
                    + done.reviewerId());
          }
          if (submission.status() != Submission.Status.PENDING_REVIEW) {
            throw new IllegalStateException(
                "submission " + Require.quote(annotationId) + " does not await review");
          }
          if (submission.annotation().annotatorId().equals(reviewerId)) {
            throw new IllegalArgumentException(
                "reviewer " + Require.quote(reviewerId) + " cannot review their own work");
          }
          TaskStatus status = view.task(submission.taskId()).orElseThrow();
          if (correction.isPresent()) {
            Annotation c = correction.get();
            List<Violation> violations = validator.validate(c, status.task().item());
            if (!violations.isEmpty()) {
              throw new ValidationException(violations);
            }
            if (view.annotationIdTaken(c.id())) {
              throw new IllegalStateException(
                  "annotation id " + Require.quote(c.id()) + " is already used");
            }
          }
          Review review = new Review(annotationId, reviewerId, verdict, correction, comment, now);
          made.add(new StoreEvent.Reviewed(review));
          Submission result = submission.withReview(review);
          if (verdict != Review.Verdict.REJECT && status.counted() + 1 == status.task().overlap()) {
            made.add(completion(view, status, result.effectiveAnnotation().orElseThrow(), now));
          }
          return new Decided<>(result, made);
        });
    fire(made);
    return reviewed;
  }

  // ---------------------------------------------------------------------------------------------
  // Gold, annotators

  /**
   * An annotator's record on gold tasks.
   *
   * @param annotatorId the annotator
   * @return the standing; zero answers for an annotator never seen
   */
  public GoldStanding goldStanding(String annotatorId) {
    Require.nonEmpty(annotatorId, "annotatorId");
    return store.read(view ->
        view.annotator(annotatorId)
            .map(AnnotatorState::standing)
            .orElse(new GoldStanding(annotatorId, 0, 0)));
  }

  /**
   * What the store knows of every annotator, by id.
   *
   * @return the states
   */
  public List<AnnotatorState> annotators() {
    return store.read(StoreView::annotators);
  }

  /**
   * Lifts an annotator's flag and suspension.
   *
   * @param annotatorId the annotator
   * @throws IllegalArgumentException if the annotator is unknown
   */
  public void reinstate(String annotatorId) {
    Require.nonEmpty(annotatorId, "annotatorId");
    Instant now = clock.instant();
    Boolean unused =
        store.decide(view -> {
          AnnotatorState state =
              view.annotator(annotatorId)
                  .orElseThrow(() ->
                      new IllegalArgumentException("no annotator " + Require.quote(annotatorId)));
          if (state.flag().isEmpty()) {
            return new Decided<>(false, List.of());
          }
          return new Decided<>(true, List.of(new StoreEvent.AnnotatorReinstated(annotatorId, now)));
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Cost, export

  /**
   * What the work cost so far, under the project's pay policy.
   *
   * @return the report
   */
  public CostReport costReport() {
    return store.read(view -> {
      record Tally(int submissions, int counted, int rejected, double seconds) {}
      Map<String, Tally> tallies = new TreeMap<>();
      for (Submission s : view.submissions()) {
        Tally t = tallies.getOrDefault(s.annotation().annotatorId(), new Tally(0, 0, 0, 0));
        tallies.put(
            s.annotation().annotatorId(),
            new Tally(
                t.submissions() + 1,
                t.counted() + (s.counts() ? 1 : 0),
                t.rejected() + (s.status() == Submission.Status.REJECTED ? 1 : 0),
                t.seconds() + s.leadTimeSeconds()));
      }
      PayPolicy pay = project.settings().pay();
      List<CostReport.AnnotatorCost> lines = new ArrayList<>();
      BigDecimal total = BigDecimal.ZERO.setScale(CostReport.SCALE);
      for (Map.Entry<String, Tally> e : tallies.entrySet()) {
        Tally t = e.getValue();
        BigDecimal cost =
            switch (pay) {
              case PayPolicy.PerTask p -> p.amount().multiply(BigDecimal.valueOf(t.counted()));
              case PayPolicy.Hourly h ->
                  h.ratePerHour()
                      .multiply(BigDecimal.valueOf(t.seconds()))
                      .divide(SECONDS_PER_HOUR, CostReport.SCALE + 4, RoundingMode.HALF_EVEN);
            };
        cost = cost.setScale(CostReport.SCALE, RoundingMode.HALF_EVEN);
        total = total.add(cost);
        lines.add(
            new CostReport.AnnotatorCost(
                e.getKey(), t.submissions(), t.counted(), t.rejected(), t.seconds(), cost));
      }
      int completed = 0;
      for (TaskStatus status : view.tasks()) {
        if (status.complete()) {
          completed++;
        }
      }
      Optional<BigDecimal> perTask =
          completed == 0
              ? Optional.empty()
              : Optional.of(
                  total.divide(
                      BigDecimal.valueOf(completed), CostReport.SCALE, RoundingMode.HALF_EVEN));
      return new CostReport(pay, lines, total, completed, perTask);
    });
  }

  /**
   * The project's regular items and every annotation that counts (accepted as submitted, or a
   * reviewer's correction in place of the original), in the order stored. Gold tasks, their known
   * answers and the answers to them are left out, and so are pre-labels.
   *
   * @return the dataset
   */
  public Dataset export() {
    return store.read(view -> {
      Dataset.Builder builder = Dataset.builder(project.schema());
      for (TaskStatus status : view.tasks()) {
        if (status.gold()) {
          continue;
        }
        builder.item(status.task().item());
        for (Submission s : view.submissionsOf(status.task().id())) {
          s.effectiveAnnotation().ifPresent(builder::annotation);
        }
      }
      return builder.build();
    });
  }

  /**
   * The metadata key that marks a gold item in {@link #exportWithGold()}: its value is the id of
   * the item's known answer.
   */
  public static final String GOLD_ANSWER_KEY = "annotationkit.gold_answer";

  /**
   * Everything {@link #export()} holds, then the project's gold set: each gold task's item, marked
   * by the metadata entry {@value #GOLD_ANSWER_KEY} whose value is the id of its known answer
   * (replacing any value the item had under that key), the known answer itself as it was given to
   * {@link #addGoldTask}, and every counted answer to it. So a reader tells gold items by the key,
   * the known answer by its id, and the annotators' answers as the item's other annotations;
   * reviews are marked by each annotation's review state (accepted, or corrected for a reviewer's
   * correction in place of the original).
   *
   * @return the dataset
   */
  public Dataset exportWithGold() {
    return store.read(view -> {
      Dataset.Builder builder = Dataset.builder(project.schema());
      List<TaskStatus> gold = new ArrayList<>();
      for (TaskStatus status : view.tasks()) {
        if (status.gold()) {
          gold.add(status);
          continue;
        }
        builder.item(status.task().item());
        for (Submission s : view.submissionsOf(status.task().id())) {
          s.effectiveAnnotation().ifPresent(builder::annotation);
        }
      }
      for (TaskStatus status : gold) {
        String taskId = status.task().id();
        Annotation known = view.goldAnswer(taskId).orElseThrow();
        builder.item(Items.withMetadata(status.task().item(), GOLD_ANSWER_KEY, known.id()));
        builder.annotation(known);
        for (Submission s : view.submissionsOf(taskId)) {
          s.effectiveAnnotation().ifPresent(builder::annotation);
        }
      }
      return builder.build();
    });
  }

  /**
   * Writes {@link #export()} as canonical JSON Lines, atomically.
   *
   * @param file the file to create or replace
   * @throws java.io.UncheckedIOException if the file cannot be written, naming it
   */
  public void exportJsonLines(Path file) {
    Objects.requireNonNull(file, "file");
    CanonicalJson.writeDataset(file, export());
  }

  /**
   * Collects a workflow's parts. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final WorkflowStore store;
    private InstantSource clock = InstantSource.system();
    private GoldMatcher matcher = GoldMatcher.standard();
    private GoldPolicy policy = GoldPolicy.none();
    private ConsensusPolicy consensus = ConsensusPolicy.none();
    private final List<WorkflowListener> listeners = new ArrayList<>();

    private Builder(WorkflowStore store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Sets where the time comes from (default the system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how gold answers are scored (default {@link GoldMatcher#standard()}).
     *
     * @param matcher the matcher
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder goldMatcher(GoldMatcher matcher) {
      this.matcher = Objects.requireNonNull(matcher, "matcher");
      return this;
    }

    /**
     * Sets what happens to annotators after gold answers (default {@link GoldPolicy#none()}).
     *
     * @param policy the policy
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder goldPolicy(GoldPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets what happens when a regular task gets as many accepted annotations as its overlap:
     * complete it, or ask for one more annotator (default {@link ConsensusPolicy#none()}: always
     * complete).
     *
     * @param consensus the policy
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder consensusPolicy(ConsensusPolicy consensus) {
      this.consensus = Objects.requireNonNull(consensus, "consensus");
      return this;
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder listener(WorkflowListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the workflow over the store's project.
     *
     * @return the workflow
     * @throws IllegalStateException if the store has no project
     */
    public Workflow build() {
      return new Workflow(this);
    }
  }
}
