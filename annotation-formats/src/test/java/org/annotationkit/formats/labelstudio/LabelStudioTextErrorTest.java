package org.annotationkit.formats.labelstudio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.FormatOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Malformed text, audio and comparison results raise FormatException naming the file, the line and
 * the JSON pointer of the offending value.
 */
class LabelStudioTextErrorTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{'text': 'abcdef'}|{'id': 'a', 'from_name': 'l', 'to_name': 'text', 'type': 'labels',"
            + " 'value': {'start': 5, 'end': 2, 'labels': ['X']}}"
            + "|/0/annotations/0/result/0/value/end|before its start",
        "{'text': 'ab\uD83D\uDC0D'}|{'id': 'a', 'from_name': 'l', 'to_name': 'text', 'type':"
            + " 'labels', 'value': {'start': 1, 'end': 9, 'labels': ['X']}}"
            + "|/0/annotations/0/result/0/value/end|leaves the text of 3 code points",
        "{'text': 'abcdef'}|{'id': 'a', 'from_name': 'l', 'to_name': 'text', 'type': 'labels',"
            + " 'value': {'start': -1, 'end': 2, 'labels': ['X']}}"
            + "|/0/annotations/0/result/0/value/start|0 or later",
        "{'text': 'abcdef'}|{'id': 'a', 'from_name': 'l', 'to_name': 'text', 'type': 'labels',"
            + " 'value': {'start': 'one', 'end': 2, 'labels': ['X']}}"
            + "|/0/annotations/0/result/0/value/start|expected a number",
        "{'text': 'abcdef'}|{'id': 'a', 'from_name': 'l', 'to_name': 'text', 'type': 'labels',"
            + " 'value': {'start': 0, 'end': 2, 'labels': ['X']}}, {'from_id': 'a', 'to_id':"
            + " 'b', 'type': 'relation', 'direction': 'up'}"
            + "|/0/annotations/0/result/1/direction|right, left or bi",
        "{'text': 'abcdef'}|{'id': 'r', 'from_name': 'q', 'to_name': 'text', 'type': 'rating',"
            + " 'value': {'rating': 'five'}}|/0/annotations/0/result/0/value/rating"
            + "|expected a number",
        "{'text': 'abcdef'}|{'id': 't', 'from_name': 't', 'to_name': 'text', 'type':"
            + " 'taxonomy', 'value': {'taxonomy': [[], ['A']]}}|/0/annotations/0/result/0/value/taxonomy/0"
            + "|at least one choice",
        "{'text1': 'x', 'text2': 'y'}|{'id': 'p', 'from_name': 'pw', 'to_name': 'text1,text2',"
            + " 'type': 'pairwise', 'value': {'selected': 'middle'}}"
            + "|/0/annotations/0/result/0/value/selected|\"left\" or \"right\"",
        "{'items': [{'id': 'a', 'body': 'x'}, {'id': 'b', 'body': 'y'}]}|{'id': 'k', 'from_name':"
            + " 'rank', 'to_name': 'items', 'type': 'ranker', 'value': {'ranker': ['a', 'a']}}"
            + "|/0/annotations/0/result/0/value/ranker/1|ranked twice",
        "{'items': [{'id': 'a', 'body': 'x'}, {'id': 'a', 'body': 'y'}]}|{'id': 'k', 'from_name':"
            + " 'rank', 'to_name': 'items', 'type': 'ranker', 'value': {'ranker': ['a']}}"
            + "|/0/data/items/1/id|appears twice",
        "{'audio': 'a.wav'}|{'id': 's', 'from_name': 'l', 'to_name': 'audio', 'type': 'labels',"
            + " 'original_length': 9, 'value': {'start': 4.5, 'end': 1.5, 'channel': 0,"
            + " 'labels': ['X']}}|/0/annotations/0/result/0/value/end|before its start"
      })
  void badResultsNameTheirPointer(String data, String results, String pointer, String problem)
      throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(
        file,
        ("[{'id': 1, 'data': "
                + data
                + ", 'annotations': [{'id': 2, 'completed_by': 1, 'result': ["
                + results
                + "]}]}]")
            .replace('\'', '"'));
    assertThatThrownBy(() -> LabelStudioReadTest.read(file, FormatOptions.none()))
        .isInstanceOfSatisfying(
            FormatException.class,
            e -> {
              assertThat(e.pointer()).contains(pointer);
              assertThat(e.problem()).contains(problem);
              assertThat(e.source()).contains(file.toString());
              assertThat(e.line()).isPresent();
            });
  }
}
