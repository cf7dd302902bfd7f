import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The expiry NAV's import API gives an ad on arrival, for tests/test_nav_expiry_rule.py.
 *
 * <p>Written for this project from the behaviour navikt/pam-import-api documents in
 * TransferLogService.handleExpiryAndStarttimeCombinations: «Snarest» without an expiry gets
 * the publishing time plus ten days; an applicationdue that parses as a date earlier than the
 * expiry moves the expiry back to the start of that day. The parsing uses the same java.time
 * pattern, so what parses there parses here.
 *
 * <p>Input, one ad per line on stdin: reference, published, expires, applicationdue, separated
 * by tabs (an empty field is a missing value). Output, one line per ad: reference, a tab, the
 * effective expiry (yyyy-MM-dd'T'HH:mm:ss, or «none»).
 */
public final class NavExpiryRule {
    private static final DateTimeFormatter DUE_DATE =
            new DateTimeFormatterBuilder()
                    .append(DateTimeFormatter.ofPattern(
                            "[yyyy-MM-dd'T'HH:mm:ss][yyyy-MM-dd'T'HH:mm][dd.MM.yyyy]"))
                    .toFormatter();
    private static final DateTimeFormatter OUTPUT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final String STANDING = "SNAREST";
    private static final int STANDING_DAYS = 10;

    private NavExpiryRule() {}

    static LocalDate dueDate(String applicationDue) {
        try {
            return LocalDate.parse(applicationDue, DUE_DATE);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    static LocalDateTime effectiveExpiry(
            LocalDateTime published, LocalDateTime expires, String applicationDue) {
        if (applicationDue != null
                && STANDING.equals(applicationDue.toUpperCase(Locale.ROOT))
                && expires == null) {
            return published == null ? null : published.plusDays(STANDING_DAYS);
        }
        LocalDate due = applicationDue == null ? null : dueDate(applicationDue);
        if (due != null && expires != null && due.atStartOfDay().isBefore(expires)) {
            return due.atStartOfDay();
        }
        return expires;
    }

    private static LocalDateTime dateTime(String text) {
        return text.isEmpty() ? null : LocalDateTime.parse(text);
    }

    public static void main(String[] arguments) throws IOException {
        BufferedReader input =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder output = new StringBuilder();
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 4) {
                throw new IllegalArgumentException("expected four fields: " + line);
            }
            String due = fields[3].isEmpty() ? null : fields[3];
            LocalDateTime expiry =
                    effectiveExpiry(dateTime(fields[1]), dateTime(fields[2]), due);
            output.append(fields[0])
                    .append('\t')
                    .append(expiry == null ? "none" : OUTPUT.format(expiry))
                    .append('\n');
        }
        System.out.print(output);
        System.out.flush();
    }
}
