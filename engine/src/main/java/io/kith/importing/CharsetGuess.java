package io.kith.importing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Guesses the encoding of a file from its first bytes: a byte-order mark decides; otherwise text
 * that is valid UTF-8 is UTF-8; otherwise Big5 and GB18030 (a superset of GBK) are both tried and
 * the one whose text holds more of the most common Chinese characters wins. When neither clearly
 * wins the guess is marked uncertain, so the user can choose.
 */
final class CharsetGuess {

  static final Charset BIG5 = Charset.forName("Big5");
  static final Charset GB18030 = Charset.forName("GB18030");

  /**
   * The guess.
   *
   * @param bomLength bytes of byte-order mark to skip (0 without one)
   * @param certain false when two encodings read the sample about equally well
   */
  record Guess(Charset charset, int bomLength, boolean certain) {}

  /** Frequent characters in both scripts, plus common family and given names. */
  private static final String COMMON =
      "的一是不了人我在有他這这个個們们中來来上大為为和國国地到以說说時时要就出會会可也你對对生能而子那得於于着下自之年過过"
      + "發发後后作裡里用道行所然家種种事成方多經经麼么去法學学如都同現现當当沒没動动面起看定天分還还進进好小部其些主樣样理心她"
      + "本前開开但因只從从想實实日軍军者意無无力它與与長长把機机十民第公此已工使情明性知全三又關关點点正業业外將将兩两高間间由問问"
      + "很最重並并物手應应戰战向頭头文體体政美相見见被利什二等產产或新己制身果加西月話话合回特代內内信表化老給给世位次度門门任常先"
      + "海通教兒儿原東东聲声提立及比員员解水名真論论處处走義义各入幾几口認认條条平系氣气題题活更別别打女變变四神總总何電电數数安少"
      + "報报才結结反受目太量再感建務务做接必場场件計计管期市直德資资命山金指克許许統统區区保至隊队形社便空決决治展馬马科司五基眼書书"
      + "非則则聽听白卻却界達达光放強强即像難难且權权思王象完設设式色路記记南品住告類类求據据程北邊边死張张該该交規规萬万取拉格望覺觉"
      + "術术領领共確确傳传師师觀观清今切院讓让識识候帶带導导爭争運运笑飛飞風风步改收根造言聯联持組组每濟济車车親亲極极林服快辦办議议"
      + "往元英士證证近失轉转夫令準准布始怎呢存未遠远叫台單单影具羅罗字愛爱流備备兵連连調调深商算質质團团集百需價价花黨党華华城石級级"
      + "整府離离況况亞亚請请技際际約约示復复病息究線线似官火斷断精滿满支視视消越器容照須须九增研寫写稱称企八功嗎吗包片史委乎查輕轻易"
      + "早曾除農农找裝装廣广顯显吧阿李標标談谈吃圖图念六引歷历首醫医局突專专費费號号盡尽另周較较注語语僅仅考落青隨随選选列武紅红響响"
      + "陳陈黃黄梁吳吴鄭郑謝谢周劉刘楊杨趙赵朱郭蔡鄧邓蕭萧葉叶潘杜莫麥麦偉伟芳娟敏靜静麗丽玉秀蘭兰珍玲霞梅志家聯絡络電郵邮址姓"
      + "性別别街號碼码件址市區社香港九龍龙新界沙田灣湾東南西北";

  private CharsetGuess() {}

  /** The guess, or null when the bytes are text in none of the encodings Kith detects. */
  static Guess of(byte[] sample, int length, boolean truncated) {
    if (length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF) {
      return new Guess(StandardCharsets.UTF_8, 3, true);
    }
    if (length >= 2 && ((sample[0] & 0xFF) == 0xFF && (sample[1] & 0xFF) == 0xFE
        || (sample[0] & 0xFF) == 0xFE && (sample[1] & 0xFF) == 0xFF)) {
      return new Guess(StandardCharsets.UTF_16, 0, true);
    }
    if (decode(StandardCharsets.UTF_8, sample, length, truncated) != null) {
      return new Guess(StandardCharsets.UTF_8, 0, true);
    }
    String big5 = decode(BIG5, sample, length, truncated);
    String gb = decode(GB18030, sample, length, truncated);
    if (big5 == null && gb == null) {
      return null;
    }
    if (big5 == null) {
      return new Guess(GB18030, 0, true);
    }
    if (gb == null) {
      return new Guess(BIG5, 0, true);
    }
    int big5Score = score(big5);
    int gbScore = score(gb);
    Charset best = big5Score > gbScore ? BIG5 : GB18030;
    int high = Math.max(big5Score, gbScore);
    int low = Math.min(big5Score, gbScore);
    return new Guess(best, 0, high > 0 && high >= 2 * low);
  }

  /** The text, or null when the bytes are not valid in {@code charset}. */
  static String decode(Charset charset, byte[] sample, int length, boolean truncated) {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate(length + 16);
    CoderResult result = decoder.decode(ByteBuffer.wrap(sample, 0, length), out, !truncated);
    if (result.isError()) {
      return null;
    }
    if (!truncated) {
      result = decoder.flush(out);
      if (result.isError()) {
        return null;
      }
    }
    out.flip();
    return out.toString();
  }

  private static int score(String text) {
    int hits = 0;
    for (int i = 0; i < text.length(); i++) {
      if (COMMON.indexOf(text.charAt(i)) >= 0) {
        hits++;
      }
    }
    return hits;
  }

  /** The encodings a profile may name (detection picks among the same). */
  static final List<String> CHOICES = List.of("UTF-8", "UTF-16", "Big5", "Big5-HKSCS", "GBK", "GB18030");

  /** The charset of a chosen name, or null when it is not one of {@link #CHOICES}. */
  static Charset named(String name) {
    for (String choice : CHOICES) {
      if (choice.equalsIgnoreCase(name)) {
        return Charset.forName(choice);
      }
    }
    return null;
  }

}
