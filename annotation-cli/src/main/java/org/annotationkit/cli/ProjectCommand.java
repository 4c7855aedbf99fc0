package org.annotationkit.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.core.json.JsonLinesReader;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.store.AnnotatorState;
import org.annotationkit.core.store.InMemoryStore;
import org.annotationkit.core.store.JournalStore;
import org.annotationkit.core.store.Outcome;
import org.annotationkit.core.store.WorkflowStore;
import org.annotationkit.core.task.Assignment;
import org.annotationkit.core.task.CostReport;
import org.annotationkit.core.task.PayPolicy;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.ProjectSettings;
import org.annotationkit.core.task.Receipt;
import org.annotationkit.core.task.Submission;
import org.annotationkit.core.task.Task;
import org.annotationkit.core.task.TaskStatus;
import org.annotationkit.core.task.Workflow;
import org.annotationkit.core.validation.ValidationException;
import org.annotationkit.core.validation.Violation;
import org.annotationkit.store.jdbc.StoreUnavailableException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code annotate project}: a labeling project on disk (a {@link JournalStore} directory) or in
 * PostgreSQL ({@code --store}, a {@code JdbcStore}), driven one command at a time from any
 * language: init, next, submit, import, review, inspect, export.
 */
@Command(
    name = "project",
    mixinStandardHelpOptions = true,
    description = {
      "A labeling project on disk: a task queue with overlap, gold items, review and costs, kept"
          + " in DIR as a crash-safe journal (DIR holds nothing else; one process at a time).",
      "Every command that changes the project prints its result only once it is durable.",
      "With --store jdbc:postgresql://HOST[:PORT]/DATABASE (any subcommand) the project is kept in"
          + " a PostgreSQL database instead, in the schema DIR's name gives, and several"
          + " processes may work on it at once; the user and password come from the URL or from"
          + " the environment variables PGUSER and PGPASSWORD."
    },
    subcommands = {
      ProjectCommand.Init.class,
      ProjectCommand.Next.class,
      ProjectCommand.Submit.class,
      ProjectCommand.Import.class,
      ProjectCommand.ReviewOne.class,
      ProjectCommand.Inspect.class,
      ProjectCommand.Export.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:all went well",
      "1:an annotation or review was rejected (each rejection was listed)",
      "2:an input could not be read, the project is open in another process, or the command"
          + " line was wrong",
      "3:(next) nothing is left for this annotator"
    })
final class ProjectCommand implements Runnable {

  /** Exit code of {@code next} when nothing is left. */
  static final int NOTHING_LEFT = 3;

  private static final JsonFactory JSON = JsonFactory.builder().build();

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** An input or project that cannot be used, with the one line that says why. */
  static final class Unusable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unusable(String message) {
      super(message, null, false, false);
    }
  }

  static Workflow workflow(WorkflowStore store) {
    return Workflow.builder(store).build();
  }

  static <T> T readJson(String what, Path file, java.util.function.Function<Path, T> reader) {
    try {
      return reader.apply(file);
    } catch (FormatException e) {
      throw new Unusable("cannot read " + what + ": " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new Unusable("cannot read " + what + " " + file + ": " + describe(e));
    }
  }

  static String describe(UncheckedIOException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    if (cause instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }

  /** Reads one annotation from a file, or standard input for {@code -}. */
  static Annotation readAnnotation(String source) {
    if (source.equals("-")) {
      try {
        return CanonicalJson.annotations()
            .read(new InputStreamReader(System.in, StandardCharsets.UTF_8), "standard input");
      } catch (FormatException e) {
        throw new Unusable("cannot read the annotation: " + e.getMessage());
      } catch (UncheckedIOException e) {
        throw new Unusable("cannot read the annotation from standard input: " + describe(e));
      }
    }
    return readJson("the annotation", Path.of(source), CanonicalJson.annotations()::read);
  }

  static String json(java.util.function.Consumer<JsonGenerator> body) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
      body.accept(out);
    }
    return text.toString();
  }

  /** Prints {@code rejected ID: reason}, the reason on one line, violations joined by "; ". */
  static void rejected(PrintWriter out, String id, RuntimeException e) {
    String reason;
    if (e instanceof ValidationException v) {
      List<String> parts = new ArrayList<>();
      for (Violation violation : v.violations()) {
        String path = violation.path().isEmpty() ? "/" : violation.path();
        parts.add("at " + path + ": " + violation.message());
      }
      reason = String.join("; ", parts);
    } else {
      String message = e.getMessage();
      reason =
          message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
    out.println("rejected " + id + ": " + reason);
    out.flush();
  }

  // ------------------------------------------------------------------------------------- init

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:the project was created",
        "1:a gold answer was rejected (each was listed); no project was created",
        "2:an input could not be read, DIR is not empty, or the command line was wrong",
      },
      description = {
        "Creates a project in DIR (a new or empty folder) from a schema and items: one task per"
            + " item. The project's id is DIR's name.",
        "GOLD.jsonl holds known answers (canonical annotations) to some of the items: those"
            + " items become gold tasks, mixed into each annotator's queue at --gold-rate and"
            + " looking exactly like other tasks. Gold tasks are drawn with a fixed seed (1), so"
            + " the same project hands out the same turns.",
        "Nothing is left behind when init fails: the project is built in a temporary folder"
            + " beside DIR and moved into place at the end. With --store, the inputs are first"
            + " checked in memory, then the project is created in the database's schema (which"
            + " must not hold a project yet)."
      })
  static final class Init implements Callable<Integer> {
    @Mixin ProjectOptions project;

    @Option(names = "--schema", required = true, paramLabel = "SCHEMA.json")
    Path schemaFile;

    @Option(names = "--items", required = true, paramLabel = "ITEMS.jsonl")
    Path itemsFile;

    @Option(
        names = "--overlap",
        paramLabel = "K",
        defaultValue = "1",
        description = "How many distinct annotators each task needs (default: ${DEFAULT-VALUE}).")
    int overlap;

    @Option(names = "--gold", paramLabel = "GOLD.jsonl", description = "Known answers.")
    @Nullable Path goldFile;

    @Option(
        names = "--gold-rate",
        paramLabel = "R",
        description =
            "The share of assignments that are gold, in [0, 1] (default: 0.1 with --gold, else 0).")
    @Nullable Double goldRate;

    @Option(
        names = "--review",
        description = "Submissions await a reviewer's verdict before they count.")
    boolean review;

    @Option(
        names = "--lease",
        paramLabel = "DURATION",
        defaultValue = "10m",
        description =
            "How long an assignment is held before it returns to the queue: a number with s, m,"
                + " h or d, or ISO-8601 such as PT90S (default: ${DEFAULT-VALUE}).")
    String lease;

    @Option(
        names = "--pay",
        paramLabel = "per-task=AMOUNT|hourly=RATE",
        defaultValue = "per-task=0",
        description =
            "Pay per accepted task, or per hour of lead time (default: ${DEFAULT-VALUE}).")
    String pay;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = project.out();
      ProjectSettings settings = settings();
      Path dir = project.dir;
      if (project.inDatabase()) {
        var unused = project.schemaName();
      } else if (Files.exists(dir)) {
        if (!Files.isDirectory(dir)) {
          throw new Unusable("cannot create project " + dir + ": it is a file");
        }
        try (Stream<Path> entries = Files.list(dir)) {
          if (entries.findAny().isPresent()) {
            throw new Unusable(
                "cannot create project "
                    + dir
                    + ": the folder is not empty"
                    + (Files.exists(dir.resolve("journal.lock")) ? " (it holds a project)" : ""));
          }
        }
      }
      Schema schema = readJson("the schema", schemaFile, CanonicalJson.schemas()::read);
      Map<String, Annotation> gold = new HashMap<>();
      if (goldFile != null) {
        Path file = goldFile;
        readLines(
            "gold answers",
            file,
            CanonicalJson.annotations()::readLines,
            a -> {
              if (gold.putIfAbsent(a.itemId(), a) != null) {
                throw new Unusable("cannot read gold answers: two answers to item " + a.itemId());
              }
            });
      }
      Project created = new Project(project.projectId(), schema, settings);
      int[] counts =
          project.inDatabase() ? intoDatabase(out, created, gold) : intoFolder(out, created, gold);
      if (counts.length == 0) {
        out.println("no project created");
        return Annotate.VIOLATIONS;
      }
      out.printf(
          Locale.ROOT,
          "created project %s in %s: %d tasks, %d gold, overlap %d%s%n",
          created.id(),
          project.where(),
          counts[0],
          counts[1],
          overlap,
          review ? ", with review" : "");
      return Annotate.OK;
    }

    /**
     * Builds the project's journal in a temporary folder beside DIR and moves it into place: the
     * tasks and gold tasks made, or none (and nothing left behind) when gold answers were rejected.
     */
    private int[] intoFolder(PrintWriter out, Project created, Map<String, Annotation> gold)
        throws IOException {
      Path dir = project.dir;
      Path absolute = dir.toAbsolutePath().normalize();
      Path parent = absolute.getParent();
      if (parent == null) {
        throw new Unusable("cannot create project " + dir + ": no parent folder");
      }
      Files.createDirectories(parent);
      Path building = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".init-");
      boolean done = false;
      try {
        int[] counts;
        try (WorkflowStore store = project.openRaw(building)) {
          counts = fill(out, store, created, gold);
          if (counts.length > 0 && store instanceof JournalStore journal) {
            journal.snapshot();
          }
        }
        if (counts.length == 0) {
          return counts;
        }
        if (Files.exists(dir)) {
          Files.delete(dir);
        }
        Files.move(building, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        done = true;
        return counts;
      } finally {
        if (!done) {
          deleteTree(building);
        }
      }
    }

    /**
     * Creates the project in the database's schema, once a dry run in memory has found every input
     * usable, so that rejected gold answers leave nothing behind there either.
     */
    private int[] intoDatabase(PrintWriter out, Project created, Map<String, Annotation> gold) {
      try (WorkflowStore dryRun = InMemoryStore.create()) {
        if (fill(out, dryRun, created, gold).length == 0) {
          return new int[0];
        }
      }
      try (WorkflowStore store = project.openRaw(project.dir)) {
        try {
          Optional<Project> existing = store.read(v -> v.project());
          if (existing.isPresent()) {
            throw new Unusable(
                "cannot create project "
                    + created.id()
                    + ": "
                    + project.where()
                    + " already holds project "
                    + existing.get().id());
          }
          return fill(out, store, created, gold);
        } catch (Unusable e) {
          throw e;
        } catch (RuntimeException e) {
          throw project.unavailable(e);
        }
      }
    }

    /**
     * Creates the project in the store and adds a task per item: the counts of tasks and gold
     * tasks, or an empty array after printing each rejected gold answer.
     */
    private int[] fill(
        PrintWriter out, WorkflowStore store, Project created, Map<String, Annotation> gold) {
      int[] counts = new int[2];
      List<String> rejected = new ArrayList<>();
      Workflow.createProject(store, created);
      Workflow wf = workflow(store);
      List<Task> batch = new ArrayList<>();
      Set<String> goldSeen = new LinkedHashSet<>();
      readLines(
          "items",
          itemsFile,
          CanonicalJson.items()::readLines,
          item -> {
            Annotation answer = gold.get(item.id());
            if (answer != null) {
              goldSeen.add(item.id());
              try {
                wf.addGoldTask(Task.of(item, 1), answer);
                counts[1]++;
              } catch (IllegalArgumentException e) {
                StringWriter line = new StringWriter();
                rejected(new PrintWriter(line), "gold " + answer.id(), e);
                rejected.add(line.toString().strip());
              }
              return;
            }
            batch.add(Task.of(item, overlap));
            counts[0]++;
            if (batch.size() == 1000) {
              wf.addTasks(batch);
              batch.clear();
            }
          });
      wf.addTasks(batch);
      for (String itemId : gold.keySet()) {
        if (!goldSeen.contains(itemId)) {
          rejected.add(
              "rejected gold "
                  + gold.get(itemId).id()
                  + ": no item "
                  + itemId
                  + " in "
                  + itemsFile);
        }
      }
      if (rejected.isEmpty()) {
        return counts;
      }
      rejected.forEach(out::println);
      return new int[0];
    }

    private ProjectSettings settings() {
      CommandLine cl = project.commandLine();
      if (overlap < 1) {
        throw new CommandLine.ParameterException(cl, "--overlap must be >= 1, got " + overlap);
      }
      double rate = goldRate != null ? goldRate : goldFile != null ? 0.1 : 0;
      if (!(rate >= 0 && rate <= 1)) {
        throw new CommandLine.ParameterException(cl, "--gold-rate must be in [0, 1], got " + rate);
      }
      return ProjectSettings.builder()
          .overlap(overlap)
          .gold(rate, 1)
          .review(review)
          .leaseDuration(duration(cl, lease))
          .pay(payPolicy(cl, pay))
          .build();
    }

    static Duration duration(CommandLine cl, String text) {
      String t = text.trim().toLowerCase(Locale.ROOT);
      try {
        if (t.startsWith("p")) {
          Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
          if (d.isNegative() || d.isZero()) {
            throw new NumberFormatException();
          }
          return d;
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        Duration d =
            switch (t.charAt(t.length() - 1)) {
              case 's' -> Duration.ofSeconds(n);
              case 'm' -> Duration.ofMinutes(n);
              case 'h' -> Duration.ofHours(n);
              case 'd' -> Duration.ofDays(n);
              default -> throw new NumberFormatException();
            };
        if (n <= 0) {
          throw new NumberFormatException();
        }
        return d;
      } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
        throw new CommandLine.ParameterException(
            cl, "--lease must be a positive duration such as 90s, 10m, 2h or PT90S, got " + text);
      }
    }

    static PayPolicy payPolicy(CommandLine cl, String text) {
      int eq = text.indexOf('=');
      String kind = eq < 0 ? text : text.substring(0, eq);
      try {
        BigDecimal amount = new BigDecimal(text.substring(eq + 1));
        if (eq > 0 && amount.signum() >= 0) {
          if (kind.equals("per-task")) {
            return new PayPolicy.PerTask(amount);
          }
          if (kind.equals("hourly")) {
            return new PayPolicy.Hourly(amount);
          }
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new CommandLine.ParameterException(
          cl, "--pay must be per-task=AMOUNT or hourly=RATE (>= 0), got " + text);
    }
  }

  /** Reads every record of a JSON Lines file; a malformed line makes the whole input unusable. */
  static <T> void readLines(
      String what,
      Path file,
      java.util.function.Function<Path, JsonLinesReader<T>> open,
      java.util.function.Consumer<T> each) {
    try (JsonLinesReader<T> reader = open.apply(file)) {
      while (reader.hasNext()) {
        each.accept(reader.next());
      }
    } catch (FormatException e) {
      throw new Unusable("cannot read " + what + ": " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new Unusable("cannot read " + what + " " + file + ": " + describe(e));
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  // ------------------------------------------------------------------------------------- next

  @Command(
      name = "next",
      mixinStandardHelpOptions = true,
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:a task was assigned and printed",
        "2:the project could not be opened, or the command line was wrong",
        "3:nothing is left for this annotator (or they are suspended)",
      },
      description = {
        "Assigns the annotator the next task and prints it as one JSON object:"
            + " {\"task\": ID, \"item\": ITEM, \"lease_expires\": ISO-8601 instant, \"prelabels\":"
            + " [ANNOTATION...]} (item and pre-labels in canonical JSON). Gold tasks look the same.",
        "The annotator is human; --skills are the skills they have now. Exits 3 when nothing is"
            + " left for them (or they are suspended)."
      })
  static final class Next implements Callable<Integer> {
    @Mixin ProjectOptions project;

    @Option(names = "--annotator", required = true, paramLabel = "ID")
    String annotatorId;

    @Option(names = "--skills", paramLabel = "a,b", split = ",", description = "Their skills.")
    List<String> skills = new ArrayList<>();

    @Override
    public Integer call() {
      PrintWriter out = project.out();
      try (WorkflowStore store = project.open()) {
        Optional<Assignment> next =
            workflow(store)
                .next(new Annotator(annotatorId, Annotator.Kind.HUMAN, Set.copyOf(skills)));
        if (next.isEmpty()) {
          project.err().println("annotate: nothing left for " + annotatorId);
          return NOTHING_LEFT;
        }
        Assignment a = next.get();
        out.println(
            json(g -> {
              g.writeStartObject();
              g.writeStringProperty("task", a.taskId());
              g.writeName("item");
              g.writeRawValue(CanonicalJson.items().write(a.item()));
              g.writeStringProperty("lease_expires", a.expiresAt().toString());
              g.writeName("prelabels");
              g.writeStartArray();
              for (Annotation p : a.prelabels()) {
                g.writeRawValue(CanonicalJson.annotations().write(p));
              }
              g.writeEndArray();
              g.writeEndObject();
            }));
        out.flush();
        return Annotate.OK;
      }
    }
  }

  // ----------------------------------------------------------------------------------- submit

  @Command(
      name = "submit",
      mixinStandardHelpOptions = true,
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:the annotation is stored (or was already)",
        "1:the annotation was rejected (its violations were listed); nothing was stored",
        "2:the annotation or the project could not be read, or the command line was wrong",
      },
      description = {
        "Stores one annotation (canonical JSON) for a task its annotator holds from next; its"
            + " item_id is the task, its annotator_id the annotator. Prints \"accepted ID\" once"
            + " it is durable; a retry of a stored annotation prints the same.",
        "A rejected annotation prints \"rejected ID: REASON\" (every violation, joined by \"; \")"
            + " and exits 1; nothing is stored."
      })
  static final class Submit implements Callable<Integer> {
    @Mixin ProjectOptions project;

    @Option(
        names = "--annotation",
        required = true,
        paramLabel = "FILE.json|-",
        description = "The annotation; - for standard input.")
    String source;

    @Override
    public Integer call() {
      PrintWriter out = project.out();
      Annotation annotation = readAnnotation(source);
      try (WorkflowStore store = project.open()) {
        try {
          Receipt receipt = workflow(store).submit(annotation);
          out.println("accepted " + receipt.annotationId());
          out.flush();
          return Annotate.OK;
        } catch (StoreUnavailableException e) {
          // an outage is no verdict on the annotation
          throw project.unavailable(e);
        } catch (IllegalStateException | IllegalArgumentException e) {
          rejected(out, annotation.id(), e);
          return Annotate.VIOLATIONS;
        }
      }
    }
  }

  // ----------------------------------------------------------------------------------- import

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Stores existing annotations (canonical JSON Lines, from another tool) as accepted"
            + " submissions without leases: each takes a free slot of its task and counts at once"
            + " (no review).",
        "Streams: prints \"accepted ID\" for each as soon as it is durable, \"rejected ID:"
            + " REASON\" for each invalid one, and \"rejected line N: REASON\" for a line that is"
            + " not an annotation; reading goes on. Killing it loses none of the printed ids.",
        "Up to 256 lines are read ahead and their annotations stored together, with one group"
            + " commit of the journal instead of one fsync each; each annotation is stored whole or"
            + " not at all, and its line is printed, in input order, once it is durable."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:every annotation was stored",
        "1:some were rejected (each was listed)",
        "2:the file or project could not be read"
      })
  static final class Import implements Callable<Integer> {
    @Mixin ProjectOptions project;

    @Option(names = "--annotations", required = true, paramLabel = "FILE.jsonl")
    Path file;

    @Override
    public Integer call() {
      PrintWriter out = project.out();
      long accepted = 0;
      long rejected = 0;
      try (WorkflowStore store = project.open()) {
        Workflow wf = workflow(store);
        JsonLinesReader<Annotation> reader;
        try {
          reader = CanonicalJson.annotations().readLines(file);
        } catch (UncheckedIOException e) {
          throw new Unusable("cannot read annotations " + file + ": " + describe(e));
        }
        try (reader) {
          Optional<Long> lastBad = Optional.empty();
          Batch batch = new Batch(wf, out);
          while (true) {
            Annotation annotation;
            try {
              if (!reader.hasNext()) {
                break;
              }
              annotation = reader.next();
            } catch (FormatException e) {
              if (e.line().isEmpty() || Optional.of(e.line().getAsLong()).equals(lastBad)) {
                batch.flush();
                throw new Unusable("cannot read annotations: " + e.getMessage());
              }
              lastBad = Optional.of(e.line().getAsLong());
              batch.add(null, "rejected line " + e.line().getAsLong() + ": " + e.getMessage());
              continue;
            } catch (UncheckedIOException e) {
              batch.flush();
              throw e;
            }
            batch.add(annotation, "");
          }
          batch.flush();
          accepted = batch.accepted;
          rejected = batch.rejected;
        } catch (UncheckedIOException e) {
          throw new Unusable("cannot read annotations " + file + ": " + describe(e));
        }
      }
      project.err().printf(Locale.ROOT, "annotate: imported %d, rejected %d%n", accepted, rejected);
      return rejected == 0 ? Annotate.OK : Annotate.VIOLATIONS;
    }

    /**
     * The lines read but not answered yet, in order: annotations to import together (one group
     * commit), and lines already rejected. {@link #flush} imports the annotations and prints a line
     * for each entry in input order, once the accepted ones are durable.
     */
    static final class Batch {
      /** How many lines are read ahead at most before they are imported and answered. */
      static final int SIZE = 256;

      private final Workflow wf;
      private final PrintWriter out;
      private final List<@Nullable Annotation> annotations = new ArrayList<>();
      private final List<String> lines = new ArrayList<>();
      long accepted;
      long rejected;

      Batch(Workflow wf, PrintWriter out) {
        this.wf = wf;
        this.out = out;
      }

      /** Adds an annotation, or (for null) a line that was rejected with that text. */
      void add(@Nullable Annotation annotation, String rejectedLine) {
        annotations.add(annotation);
        lines.add(rejectedLine);
        if (annotations.size() >= SIZE) {
          flush();
        }
      }

      void flush() {
        List<Annotation> toImport = new ArrayList<>();
        for (Annotation a : annotations) {
          if (a != null) {
            toImport.add(a);
          }
        }
        List<Outcome<Receipt>> outcomes = wf.importAnnotations(toImport);
        int next = 0;
        for (int i = 0; i < annotations.size(); i++) {
          Annotation a = annotations.get(i);
          if (a == null) {
            rejected++;
            out.println(lines.get(i));
            continue;
          }
          switch (outcomes.get(next++)) {
            case Outcome.Applied<Receipt> applied -> {
              accepted++;
              out.println("accepted " + applied.result().annotationId());
            }
            case Outcome.Refused<Receipt> refused -> {
              rejected++;
              rejected(out, a.id(), refused.reason());
            }
          }
        }
        out.flush();
        annotations.clear();
        lines.clear();
      }
    }
  }

  // ----------------------------------------------------------------------------------- review

  @Command(
      name = "review",
      mixinStandardHelpOptions = true,
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:the verdict is stored",
        "1:the review was refused (the reason was listed)",
        "2:the correction or the project could not be read, or the command line was wrong",
      },
      description = {
        "A reviewer's verdict on a submission awaiting review (projects created with --review):"
            + " accept it, reject it (the task goes back to the queue) or correct it (the"
            + " correction, canonical JSON with an id of its own, is kept beside the original).",
        "Prints \"accepted ID\", \"rejected ID\" or \"corrected ID as CORRECTION_ID\" once"
            + " durable; a review that is not possible prints \"refused ID: REASON\" and exits 1."
      })
  static final class ReviewOne implements Callable<Integer> {
    @Mixin ProjectOptions project;

    @Option(names = "--annotation", required = true, paramLabel = "ID")
    String annotationId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Verdict verdict = new Verdict();

    static final class Verdict {
      @Option(names = "--accept", required = true)
      boolean accept;

      @Option(names = "--reject", required = true)
      boolean reject;

      @Option(names = "--correct", required = true, paramLabel = "FILE.json")
      @Nullable Path correction;
    }

    @Option(names = "--reviewer", required = true, paramLabel = "ID")
    String reviewerId;

    @Option(
        names = "--comment",
        paramLabel = "TEXT",
        description = "Why, for --reject (default: \"rejected by REVIEWER\").")
    @Nullable String comment;

    @Override
    public Integer call() {
      PrintWriter out = project.out();
      Path correctionFile = verdict.correction;
      Annotation correction =
          correctionFile == null
              ? null
              : readJson("the correction", correctionFile, CanonicalJson.annotations()::read);
      try (WorkflowStore store = project.open()) {
        Workflow wf = workflow(store);
        try {
          if (verdict.accept) {
            Submission unused = wf.accept(annotationId, reviewerId);
            out.println("accepted " + annotationId);
          } else if (verdict.reject) {
            Submission unused =
                wf.reject(
                    annotationId,
                    reviewerId,
                    comment != null ? comment : "rejected by " + reviewerId);
            out.println("rejected " + annotationId);
          } else if (correction != null) {
            Submission unused = wf.correct(annotationId, reviewerId, correction);
            out.println("corrected " + annotationId + " as " + correction.id());
          }
          out.flush();
          return Annotate.OK;
        } catch (StoreUnavailableException e) {
          throw project.unavailable(e);
        } catch (IllegalStateException | IllegalArgumentException e) {
          String line;
          StringWriter text = new StringWriter();
          rejected(new PrintWriter(text), annotationId, e);
          line = text.toString().strip().replaceFirst("^rejected ", "refused ");
          out.println(line);
          out.flush();
          return Annotate.VIOLATIONS;
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------- inspect

  @Command(
      name = "inspect",
      mixinStandardHelpOptions = true,
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:the project was shown",
        "2:the project could not be opened, or the command line was wrong",
      },
      description = {
        "Shows the project: tasks by state (open: no annotation yet; in_progress: some, or"
            + " leased; complete; gold tasks apart), annotators (assignments, submissions, gold"
            + " accuracy, flag), and cost under the project's pay policy.",
        "--json prints one JSON object with the keys project, tasks, annotators and cost."
      })
  static final class Inspect implements Callable<Integer> {
    @Mixin ProjectOptions project;

    @Option(names = "--json", description = "One JSON object instead of text.")
    boolean asJson;

    @Override
    public Integer call() {
      PrintWriter out = project.out();
      try (WorkflowStore store = project.open()) {
        Workflow wf = workflow(store);
        Project project = wf.project();
        int open = 0;
        int inProgress = 0;
        int complete = 0;
        int gold = 0;
        int pendingReview = 0;
        for (TaskStatus s : wf.tasks()) {
          pendingReview += s.pending();
          if (s.gold()) {
            gold++;
          } else if (s.complete()) {
            complete++;
          } else if (s.counted() + s.pending() + s.openLeases() == 0) {
            open++;
          } else {
            inProgress++;
          }
        }
        List<AnnotatorState> annotators = wf.annotators();
        CostReport cost = wf.costReport();
        Map<String, CostReport.AnnotatorCost> costs = new HashMap<>();
        cost.annotators().forEach(c -> costs.put(c.annotatorId(), c));
        if (asJson) {
          int[] t = {open, inProgress, complete, gold, pendingReview};
          out.println(
              json(g -> {
                g.writeStartObject();
                g.writeName("project");
                g.writeStartObject();
                g.writeStringProperty("id", project.id());
                g.writeNumberProperty("overlap", project.settings().overlap());
                g.writeNumberProperty("gold_rate", project.settings().goldRate());
                g.writeBooleanProperty("review", project.settings().review());
                g.writeStringProperty("lease", project.settings().leaseDuration().toString());
                g.writeStringProperty("pay", payText(project.settings().pay()));
                g.writeEndObject();
                g.writeName("tasks");
                g.writeStartObject();
                g.writeNumberProperty("open", t[0]);
                g.writeNumberProperty("in_progress", t[1]);
                g.writeNumberProperty("complete", t[2]);
                g.writeNumberProperty("gold", t[3]);
                g.writeNumberProperty("awaiting_review", t[4]);
                g.writeEndObject();
                g.writeName("annotators");
                g.writeStartArray();
                for (AnnotatorState a : annotators) {
                  g.writeStartObject();
                  g.writeStringProperty("id", a.annotator().id());
                  g.writeNumberProperty("assignments", a.assignments());
                  CostReport.AnnotatorCost c = costs.get(a.annotator().id());
                  g.writeNumberProperty("submissions", c == null ? 0 : c.submissions());
                  g.writeNumberProperty("gold_answered", a.goldAnswered());
                  g.writeNumberProperty("gold_correct", a.goldCorrect());
                  OptionalDoubleWriter.write(g, "gold_accuracy", a.standing().accuracy());
                  if (a.flag().isPresent()) {
                    g.writeStringProperty("flag", a.flag().get().reason());
                  }
                  g.writeBooleanProperty("suspended", a.suspended());
                  g.writeStringProperty(
                      "cost", c == null ? "0" : c.cost().stripTrailingZeros().toPlainString());
                  g.writeEndObject();
                }
                g.writeEndArray();
                g.writeName("cost");
                g.writeStartObject();
                g.writeStringProperty("total", cost.total().stripTrailingZeros().toPlainString());
                g.writeNumberProperty("completed_tasks", cost.completedTasks());
                if (cost.costPerCompletedTask().isPresent()) {
                  g.writeStringProperty(
                      "per_completed_task",
                      cost.costPerCompletedTask().get().stripTrailingZeros().toPlainString());
                }
                g.writeEndObject();
                g.writeEndObject();
              }));
        } else {
          out.printf(
              Locale.ROOT,
              "project %s: overlap %d, gold rate %s, review %s, lease %s, pay %s%n",
              project.id(),
              project.settings().overlap(),
              project.settings().goldRate(),
              project.settings().review() ? "on" : "off",
              project.settings().leaseDuration(),
              payText(project.settings().pay()));
          out.printf(
              Locale.ROOT,
              "tasks: %d open, %d in progress, %d complete, %d gold; %d awaiting review%n",
              open,
              inProgress,
              complete,
              gold,
              pendingReview);
          for (AnnotatorState a : annotators) {
            CostReport.AnnotatorCost c = costs.get(a.annotator().id());
            out.printf(
                Locale.ROOT,
                "annotator %s: %d assignments, %d submissions, gold %d/%d%s, cost %s%s%n",
                a.annotator().id(),
                a.assignments(),
                c == null ? 0 : c.submissions(),
                a.goldCorrect(),
                a.goldAnswered(),
                a.standing().accuracy().isPresent()
                    ? String.format(
                        Locale.ROOT, " (%.1f%%)", 100 * a.standing().accuracy().getAsDouble())
                    : "",
                c == null ? "0" : c.cost().stripTrailingZeros().toPlainString(),
                a.flag().map(f -> ", flagged: " + f.reason()).orElse(""));
          }
          out.printf(
              Locale.ROOT,
              "cost: %s total, %d completed tasks, %s per completed task%n",
              cost.total().stripTrailingZeros().toPlainString(),
              cost.completedTasks(),
              cost.costPerCompletedTask()
                  .map(c -> c.stripTrailingZeros().toPlainString())
                  .orElse("n/a"));
        }
        out.flush();
        return Annotate.OK;
      }
    }

    static String payText(PayPolicy pay) {
      return switch (pay) {
        case PayPolicy.PerTask p -> "per-task=" + p.amount().toPlainString();
        case PayPolicy.Hourly h -> "hourly=" + h.ratePerHour().toPlainString();
      };
    }
  }

  /** Writes an optional double as a number, or leaves the property out. */
  static final class OptionalDoubleWriter {
    private OptionalDoubleWriter() {}

    static void write(JsonGenerator g, String name, java.util.OptionalDouble value) {
      if (value.isPresent()) {
        g.writeNumberProperty(name, value.getAsDouble());
      }
    }
  }

  // ----------------------------------------------------------------------------------- export

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:the file was written",
        "2:the project could not be opened, the file could not be written, or the command line was wrong",
      },
      description = {
        "Writes every accepted annotation as canonical JSON Lines (a dataset: the schema, the"
            + " items, then the annotations), atomically. Reviews are marked by \"review\""
            + " (accepted, or corrected for a reviewer's correction, which stands in for the"
            + " original; a rejected submission is left out). The gold set follows the regular"
            + " items: each gold item carries the metadata entry \"annotationkit.gold_answer\","
            + " the id of its known answer, which comes with it as given in GOLD.jsonl, and so"
            + " do the annotators' answers to it.",
      })
  static final class Export implements Callable<Integer> {
    @Mixin ProjectOptions project;

    @Option(names = "--output", required = true, paramLabel = "FILE.jsonl")
    Path output;

    @Override
    public Integer call() {
      PrintWriter out = project.out();
      try (WorkflowStore store = project.open()) {
        Workflow wf = workflow(store);
        org.annotationkit.core.dataset.Dataset dataset = wf.exportWithGold();
        Set<String> goldItems = new java.util.HashSet<>();
        for (Item item : dataset.items()) {
          if (item.metadata().containsKey(Workflow.GOLD_ANSWER_KEY)) {
            goldItems.add(item.id());
          }
        }
        long goldAnswers =
            dataset.annotations().stream().filter(a -> goldItems.contains(a.itemId())).count()
                - goldItems.size();
        try {
          CanonicalJson.writeDataset(output, dataset);
        } catch (UncheckedIOException e) {
          throw new Unusable("cannot write " + output + ": " + describe(e));
        }
        out.printf(
            Locale.ROOT,
            "exported %d annotations of %d items to %s (%d gold items, %d answers to them)%n",
            dataset.annotations().size(),
            dataset.items().size(),
            output,
            goldItems.size(),
            goldAnswers);
        out.flush();
        return Annotate.OK;
      }
    }
  }
}
