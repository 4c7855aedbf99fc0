package org.annotationkit.formats.nlp;

import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.FreeTextValue;
import org.annotationkit.core.annotation.PreferenceValue;
import org.annotationkit.core.annotation.RankingValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.item.ComparisonItem;
import org.annotationkit.core.item.Response;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.FormatOption;
import org.annotationkit.formats.LossObject;

/**
 * Preference data for training on human judgements of model outputs, {@code preference}: JSON Lines
 * {@code {"prompt", "chosen", "rejected"}} (the layout preference-tuning libraries such as TRL
 * read) and the ranking form {@code {"prompt", "responses": [...], "ranking": [...]}}, {@code
 * ranking} listing the responses' 0-based indices, best first.
 *
 * <h2>Reading</h2>
 *
 * Each line is a {@link ComparisonItem} ({@code id}, else the line's number) whose responses have
 * ids {@code 1}, {@code 2}, ... ({@code 1} the chosen, {@code 2} the rejected), with one annotation
 * (annotator {@code preference}): a {@link PreferenceValue} ({@code FIRST}; {@code TIE} when the
 * line says {@code "tie": true}) in the field {@code preference}, or a {@link RankingValue} in the
 * field {@code ranking}. A line that says {@code "both_bad": true} gives no preference but the
 * choice {@code both-bad} in the field {@code judgement}. Conversational lines (lists of {@code
 * {role, content}} messages) keep the last message of each list as the response, earlier ones as
 * the prompt, and are reported.
 *
 * <h2>Writing</h2>
 *
 * With {@code form=pairwise} (the default), a preference gives one line, a ranking of n responses
 * gives one line per pair (n(n-1)/2, the better of each pair chosen); with {@code form=ranking} a
 * ranking gives one line and a preference a ranking of its two responses. Ties and "both bad"
 * judgements (a choice or text {@code both-bad}, {@code both bad} or {@code neither}) say which
 * output is better of none: they are reported, never written as a preference; so are bucketed
 * rankings (responses sorted into named groups, no order between them). Rejected annotations are
 * skipped and reported.
 *
 * @since 0.1.0
 */
public final class PreferenceFormat extends FileFormat {
  static final String PREFERENCE = "preference";
  static final String RANKING = "ranking";
  static final String JUDGEMENT = "judgement";
  static final String BOTH_BAD = "both-bad";
  private static final Pattern KEYS = Pattern.compile("\"(chosen|rejected|ranking)\"\\s*:");

  private static final List<FormatOption> OPTIONS =
      List.of(
          FormatOption.of(
              "form",
              "what is written: pairwise (the default: prompt, chosen, rejected) or ranking"
                  + " (prompt, responses, ranking)",
              "pairwise",
              "ranking"));

  /** Creates the format; {@link java.util.ServiceLoader} calls this. */
  public PreferenceFormat() {
    super(
        "preference",
        "preference data (JSON Lines prompt/chosen/rejected, or prompt/responses/ranking)",
        OPTIONS,
        jsonRecords("preference", true, PreferenceFormat::convert),
        PreferenceFormat::write);
  }

  @Override
  public Detection detect(Path input) {
    return detect(input, true, KEYS, Detection.POSSIBLE);
  }

  static List<DatasetEntry> convert(Node record, int index, ConversionContext context) {
    if (!record.isObject()) {
      throw record.error("expected a preference record (a JSON object)");
    }
    String id = record.get("id").map(Node::id).orElse(Integer.toString(index));
    StringBuilder prompt =
        new StringBuilder(record.get("prompt").map(PreferenceFormat::promptText).orElse(""));
    Annotation.Builder annotation = Annotation.builder(id, id, "preference");
    List<Response> responses = new ArrayList<>();
    Optional<Node> ranked = record.get("responses");
    if (ranked.isPresent()) {
      for (Node response : ranked.get().elements()) {
        responses.add(
            new Response(
                Integer.toString(responses.size() + 1), response(response, prompt, id, context)));
      }
      Optional<Node> ranking = record.get("ranking");
      if (ranking.isPresent()) {
        List<String> order = new ArrayList<>();
        for (Node rank : ranking.get().elements()) {
          int i = rank.integer();
          if (i < 0 || i >= responses.size()) {
            throw rank.error(
                "the ranking names response " + i + " of " + responses.size() + " (0-based)");
          }
          order.add(Integer.toString(i + 1));
        }
        if (!order.isEmpty()) {
          annotation.result("r", RANKING, new RankingValue(order));
        }
      }
    } else {
      responses.add(new Response("1", response(record.need("chosen"), prompt, id, context)));
      responses.add(new Response("2", response(record.need("rejected"), prompt, id, context)));
      boolean bothBad = record.get("both_bad").map(Node::bool).orElse(false);
      boolean tie = record.get("tie").map(Node::bool).orElse(false);
      if (bothBad) {
        annotation.result("j", JUDGEMENT, new ChoiceValue(BOTH_BAD));
      } else {
        annotation.result(
            "p",
            PREFERENCE,
            new PreferenceValue(
                "1", "2", tie ? PreferenceValue.Verdict.TIE : PreferenceValue.Verdict.FIRST));
      }
    }
    if (responses.size() < 2) {
      throw record.error("a comparison needs at least two responses, got " + responses.size());
    }
    ComparisonItem item = new ComparisonItem(id, prompt.toString(), responses);
    return List.of(Texts.entry(item, annotation));
  }

  private static String promptText(Node prompt) {
    if (prompt.isString()) {
      return prompt.string();
    }
    StringBuilder text = new StringBuilder();
    for (Node message : prompt.elements()) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append(message.need("content").string());
    }
    return text.toString();
  }

  /** A response: a string, or the last message of a conversation (earlier ones join the prompt). */
  private static String response(
      Node response, StringBuilder prompt, String id, ConversionContext context) {
    if (response.isString()) {
      return response.string();
    }
    List<Node> messages = response.elements();
    if (messages.isEmpty()) {
      throw response.error("expected a response or a non-empty list of messages");
    }
    if (prompt.isEmpty()) {
      for (int i = 0; i < messages.size() - 1; i++) {
        if (!prompt.isEmpty()) {
          prompt.append('\n');
        }
        prompt.append(messages.get(i).need("content").string());
      }
    }
    context.lose(
        LossObject.line(response.line()).withItem(id),
        "conversation reduced to its last message",
        "the roles of the messages are not kept; the last message is the response");
    return messages.get(messages.size() - 1).need("content").string();
  }

  // ------------------------------------------------------------------ writing

  private static void write(DatasetSource source, Path output, ConversionContext context) {
    boolean ranking = context.options().value("form", "pairwise").equals("ranking");
    Writer out = Texts.utf8(output);
    while (source.hasNext()) {
      DatasetEntry entry = source.next();
      if (!(entry.item() instanceof ComparisonItem item)) {
        context.lose(
            LossObject.item(entry.item().id()),
            "item skipped",
            "preference data compares model outputs; a "
                + entry.item().kind().jsonName()
                + " item has none");
        continue;
      }
      long lines = 0;
      for (Annotation annotation : Texts.usable(entry, context)) {
        lines += write(out, item, annotation, ranking, context);
      }
      context.wrote(lines > 0 ? 1 : 0, lines);
    }
    Texts.close(out, output);
  }

  private static boolean bothBad(Result result) {
    String said =
        switch (result.value()) {
          case ChoiceValue choice -> choice.label();
          case FreeTextValue text -> text.text();
          default -> "";
        };
    String normal = said.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    return normal.equals(BOTH_BAD) || normal.equals("both bad") || normal.equals("neither");
  }

  private static long write(
      Writer out,
      ComparisonItem item,
      Annotation annotation,
      boolean ranking,
      ConversionContext context) {
    LossObject where = LossObject.item(item.id()).withAnnotation(annotation.id());
    boolean bothBad = annotation.results().stream().anyMatch(PreferenceFormat::bothBad);
    if (bothBad) {
      context.lose(
          where,
          "both-bad judgement not written",
          "the annotator found every output bad: no output is preferred, so no preference is"
              + " written");
      return 0;
    }
    long lines = 0;
    for (Result result : annotation.results()) {
      switch (result.value()) {
        case PreferenceValue preference -> {
          if (preference.verdict() == PreferenceValue.Verdict.TIE) {
            context.lose(
                where,
                "tie not written",
                "responses "
                    + preference.first()
                    + " and "
                    + preference.second()
                    + " were judged equal; preference data holds a chosen and a rejected output");
            continue;
          }
          String better =
              preference.verdict() == PreferenceValue.Verdict.FIRST
                  ? preference.first()
                  : preference.second();
          String worse =
              better.equals(preference.first()) ? preference.second() : preference.first();
          Optional<Response> chosen = item.response(better);
          Optional<Response> rejected = item.response(worse);
          if (chosen.isEmpty() || rejected.isEmpty()) {
            lostResponse(where, context, chosen.isEmpty() ? better : worse);
            continue;
          }
          if (ranking) {
            Texts.line(out, rankingLine(item, List.of(chosen.get(), rejected.get())));
          } else {
            Texts.line(out, pairLine(item, chosen.get(), rejected.get()));
          }
          lines++;
        }
        case RankingValue order when order.bucketed() ->
            context.lose(
                where.withAnnotation(result.id()),
                "bucketed ranking dropped",
                "the responses are sorted into buckets "
                    + order.buckets().stream().map(RankingValue.Bucket::name).toList()
                    + ", which say no order between them; preference data holds orders");
        case RankingValue order -> {
          List<Response> ordered = new ArrayList<>();
          for (String responseId : order.order()) {
            Optional<Response> response = item.response(responseId);
            if (response.isEmpty()) {
              lostResponse(where, context, responseId);
            } else {
              ordered.add(response.get());
            }
          }
          if (ranking) {
            if (ordered.size() >= 2) {
              Texts.line(out, rankingLine(item, ordered));
              lines++;
            }
          } else {
            for (int i = 0; i < ordered.size(); i++) {
              for (int j = i + 1; j < ordered.size(); j++) {
                Texts.line(out, pairLine(item, ordered.get(i), ordered.get(j)));
                lines++;
              }
            }
          }
        }
        default ->
            context.lose(
                where.withAnnotation(result.id()),
                "result dropped",
                "preference data holds preferences and rankings, not "
                    + result.value().kind().jsonName()
                    + " results");
      }
    }
    return lines;
  }

  private static void lostResponse(LossObject where, ConversionContext context, String id) {
    context.lose(
        where, "judgement dropped", "it names response " + id + ", which the item does not have");
  }

  private static String pairLine(ComparisonItem item, Response chosen, Response rejected) {
    return Node.json(out -> {
      out.writeStartObject();
      out.writeName("id");
      out.writeString(item.id());
      out.writeName("prompt");
      out.writeString(item.prompt());
      out.writeName("chosen");
      out.writeString(chosen.text());
      out.writeName("rejected");
      out.writeString(rejected.text());
      out.writeEndObject();
    });
  }

  /** All of the item's responses, and the ranking of those given, best first. */
  private static String rankingLine(ComparisonItem item, List<Response> ordered) {
    return Node.json(out -> {
      out.writeStartObject();
      out.writeName("id");
      out.writeString(item.id());
      out.writeName("prompt");
      out.writeString(item.prompt());
      out.writeName("responses");
      out.writeStartArray();
      for (Response response : item.responses()) {
        out.writeString(response.text());
      }
      out.writeEndArray();
      out.writeName("ranking");
      out.writeStartArray();
      for (Response response : ordered) {
        out.writeNumber(item.responses().indexOf(response));
      }
      out.writeEndArray();
      out.writeEndObject();
    });
  }
}
