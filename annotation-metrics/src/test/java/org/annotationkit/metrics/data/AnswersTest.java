package org.annotationkit.metrics.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.core.coding.UnknownLabelException;
import org.annotationkit.core.io.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswersTest {
  @TempDir Path dir;

  private Path csv(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void longTableIsGroupedByItemThenAnnotatorWhateverTheRowOrder() throws IOException {
    Path file =
        csv(
            "labels.csv",
            "item,annotator,label\n"
                + "b,zoe,cat\n"
                + "a,zoe,dog\n"
                + "b,amy,dog\n"
                + "a,amy,dog\n"
                + "c,amy,\n");

    Answers answers = Answers.read(file, AnswerOptions.DEFAULT);

    // Item c has only a missing answer, so it is not an item of the table.
    assertThat(answers.items().labels()).containsExactly("a", "b");
    assertThat(answers.annotators().labels()).containsExactly("amy", "zoe");
    assertThat(answers.labels().labels()).containsExactly("cat", "dog");
    assertThat(answers.itemCodes()).containsExactly(0, 0, 1, 1);
    assertThat(answers.annotatorCodes()).containsExactly(0, 1, 0, 1);
    assertThat(answers.labelCodes()).containsExactly(1, 1, 1, 0);
    assertThat(answers.itemStarts()).containsExactly(0, 2, 4);
    assertThat(answers.counts()).containsExactly(0, 2, 1, 1);
    // By annotator: amy's answers (a, b), then zoe's (a, b).
    assertThat(answers.annotatorStart(1)).isEqualTo(2);
    assertThat(answers.answerOf(0)).isZero();
    assertThat(answers.answerOf(1)).isEqualTo(2);
    assertThat(answers.answerOf(2)).isEqualTo(1);
    assertThat(answers.answerOf(3)).isEqualTo(3);
  }

  @Test
  void wideTableWithEmptyCellsEqualsTheLongTableWithoutThem() throws IOException {
    Path wide = csv("wide.csv", "unit,r1,r2,r3\nu1,1,2,\nu2,,2,2\nu3,3,,\n");
    Path longForm =
        csv("long.csv", "annotator,item,label\nr1,u1,1\nr2,u1,2\nr2,u2,2\nr3,u2,2\nr1,u3,3\n");

    Answers fromWide = Answers.read(wide, AnswerOptions.DEFAULT);
    Answers fromLong = Answers.read(longForm, AnswerOptions.DEFAULT);

    AnswersPropertiesTest.assertSameTable(fromWide, fromLong);
    assertThat(fromWide.size()).isEqualTo(5);
  }

  @Test
  void numericLabelsAreInNaturalOrderAndHaveValues() {
    Answers answers =
        Answers.builder().add("u", "a", "10").add("u", "b", "2").add("u", "c", "1.5").build();

    assertThat(answers.labels().labels()).containsExactly("1.5", "2", "10");
    assertThat(answers.categoryValues())
        .hasValueSatisfying(v -> assertThat(v).containsExactly(1.5, 2, 10));
    assertThat(answers.toRatings().values()).containsExactly(10, 2, 1.5);
  }

  @Test
  void labelsThatAreNotAllNumbersAreInCodePointOrder() {
    Answers answers =
        Answers.builder().add("u", "a", "10").add("u", "b", "2").add("u", "c", "x").build();

    assertThat(answers.labels().labels()).containsExactly("10", "2", "x");
    assertThat(answers.categoryValues()).isEmpty();
    assertThatThrownBy(answers::toRatings)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not all numbers");
  }

  @Test
  void sortedOrderKeepsNumbersAsText() {
    Answers answers =
        Answers.builder(AnswerOptions.DEFAULT.withOrder(CategoryOrder.SORTED))
            .add("u", "a", "10")
            .add("u", "b", "2")
            .build();

    assertThat(answers.labels().labels()).containsExactly("10", "2");
  }

  @Test
  void declaredCategoriesKeepUnusedOnesAndRefuseOthersWithTheirPlace() throws IOException {
    LabelCoding categories = LabelCoding.of("low", "mid", "high");
    Path file = csv("labels.csv", "item,annotator,label\nx,a,high\nx,b,low\ny,a,hihg\n");

    assertThatThrownBy(() -> Answers.read(file, AnswerOptions.DEFAULT.withCategories(categories)))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("labels.csv")
        .hasMessageContaining("4")
        .hasMessageContaining("hihg")
        .hasMessageContaining("high");

    Answers answers =
        Answers.builder(AnswerOptions.DEFAULT.withCategories(categories))
            .add("x", "a", "high")
            .add("x", "b", "low")
            .build();
    assertThat(answers.labels()).isEqualTo(categories);
    assertThat(answers.counts()).containsExactly(1, 0, 1);
  }

  @Test
  void withCategoriesRecodesOntoALargerSetAndRefusesASmallerOne() {
    Answers answers = Answers.builder().add("x", "a", "b").add("x", "b", "c").build();

    Answers wider = answers.withCategories(LabelCoding.of("a", "b", "c"));
    assertThat(wider.labelCodes()).containsExactly(1, 2);
    assertThat(wider.counts()).containsExactly(0, 1, 1);

    assertThatThrownBy(() -> answers.withCategories(LabelCoding.of("b")))
        .isInstanceOf(UnknownLabelException.class)
        .hasMessageContaining("'c'");
  }

  @Test
  void aRepeatedAnswerNamesTheAnnotatorTheItemAndBothLines() throws IOException {
    Path file = csv("labels.csv", "item,annotator,label\nx,a,cat\ny,a,dog\nx,a,dog\n");

    assertThatThrownBy(() -> Answers.read(file, AnswerOptions.DEFAULT))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("labels.csv")
        .hasMessageContaining("annotator 'a' answered item 'x' twice, on lines 2 and 4");
    assertThatThrownBy(() -> Answers.builder().add("x", "a", "cat").add("x", "a", "cat").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("annotator 'a' answered item 'x' twice");
  }

  @Test
  void repeatsWhenAllowedAreKeptInLabelOrder() {
    Answers answers =
        Answers.builder(AnswerOptions.DEFAULT.withRepeats(true))
            .add("x", "a", "zebra")
            .add("x", "a", "ant")
            .add("x", "b", "ant")
            .build();

    assertThat(answers.labels().labels()).containsExactly("ant", "zebra");
    assertThat(answers.annotatorCodes()).containsExactly(0, 0, 1);
    assertThat(answers.labelCodes()).containsExactly(0, 1, 0);
  }

  @Test
  void aHeaderOfNeitherLayoutSaysWhatWasExpected() throws IOException {
    Path file = csv("labels.csv", "id,who,what\n1,a,b\n");

    assertThatThrownBy(() -> Answers.read(file, AnswerOptions.DEFAULT))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("labels.csv")
        .hasMessageContaining("'item', 'annotator' and 'label'")
        .hasMessageContaining("'unit'")
        .hasMessageContaining("found id,who,what");
  }

  @Test
  void aWideTableRefusesTwoColumnsForOneAnnotator() throws IOException {
    Path file = csv("wide.csv", "unit,r1,r1\nu,1,2\n");

    assertThatThrownBy(() -> Answers.read(file, AnswerOptions.DEFAULT))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("'r1' twice");
  }

  @Test
  void anEmptyIdIsRefusedWithItsPlace() throws IOException {
    Path file = csv("labels.csv", "item,annotator,label\n,a,cat\n");

    assertThatThrownBy(() -> Answers.read(file, AnswerOptions.DEFAULT))
        .isInstanceOf(FormatException.class)
        .hasMessageMatching("(?s).*labels\\.csv:(line )?2:1.*")
        .hasMessageContaining("the item id is empty");
  }

  @Test
  void ratingsReadNumbersAndNameACellThatIsNot() throws IOException {
    Path good = csv("ratings.csv", "unit,r1,r2\nu1,1.5,\nu2,2,-3e1\n");
    Ratings ratings = Ratings.read(good, false);
    assertThat(ratings.size()).isEqualTo(3);
    assertThat(ratings.values()).containsExactly(1.5, 2, -30);
    assertThat(ratings.annotatorCodes()).containsExactly(0, 0, 1);

    Path bad = csv("bad.csv", "item,annotator,value\nu1,r1,1\nu1,r2,high\n");
    assertThatThrownBy(() -> Ratings.read(bad, false))
        .isInstanceOf(FormatException.class)
        .hasMessageMatching("(?s).*bad\\.csv:(line )?3:7.*")
        .hasMessageContaining("high");

    Path infinite = csv("inf.csv", "item,annotator,value\nu1,r1,inf\n");
    assertThatThrownBy(() -> Ratings.read(infinite, false))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("finite");
  }
}
