package dev.tandem.commission.web;

import java.util.Locale;

import dev.tandem.commission.Commission;
import dev.tandem.commission.Explanation;
import dev.tandem.core.ReaderFormat;
import org.springframework.context.MessageSource;

/** The reader's formats on commission pages, and commissions' explanations in the reader's language. */
public final class CommissionPageFormat extends ReaderFormat {

    CommissionPageFormat(MessageSource messages, Locale locale) {
        super(messages, locale);
    }

    /** The commission's explanation in the reader's language (see {@link Explanation#inWords}). */
    public String explain(Commission c) {
        return Explanation.inWords(c, messages(), locale());
    }
}
