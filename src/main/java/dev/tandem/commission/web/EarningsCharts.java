package dev.tandem.commission.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tandem.commission.internal.MonthlyEarnings;
import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** A partner's earnings per month and currency, as the bar charts (and their tables) of the portal show them. */
@Component
class EarningsCharts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MonthlyEarnings monthly;

    EarningsCharts(MonthlyEarnings monthly) {
        this.monthly = monthly;
    }

    /** One currency's bars: month labels and amounts in major units, as JSON for the chart, and as a table. */
    record Chart(Currency currency, List<String> months, List<Money> amounts, String json) {
    }

    /** The last {@code months} months up to {@code now}'s, one chart per currency the partner earned in. */
    List<Chart> of(WorkspaceId workspace, PartnerId partner, Instant now, int months, Locale locale) {
        YearMonth last = YearMonth.from(now.atZone(ZoneOffset.UTC));
        YearMonth first = last.minusMonths(months - 1L);
        Map<Currency, Map<YearMonth, Long>> byCurrency = new LinkedHashMap<>();
        for (MonthlyEarnings.Month m : monthly.of(workspace, partner,
                first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC))) {
            byCurrency.computeIfAbsent(m.currency(), c -> new HashMap<>()).put(m.month(), m.amount());
        }
        DateTimeFormatter label = DateTimeFormatter.ofPattern("MMM yyyy", locale);
        List<Chart> charts = new ArrayList<>();
        byCurrency.forEach((currency, amounts) -> {
            List<String> labels = new ArrayList<>();
            List<Money> values = new ArrayList<>();
            List<BigDecimal> major = new ArrayList<>();
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                labels.add(label.format(m));
                Money money = new Money(amounts.getOrDefault(m, 0L), currency);
                values.add(money);
                major.add(money.toMajor());
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("currency", currency.getCurrencyCode());
            data.put("label", currency.getDisplayName(locale));
            data.put("labels", labels);
            data.put("values", major);
            charts.add(new Chart(currency, labels, values, JSON.writeValueAsString(data)));
        });
        return charts;
    }
}
