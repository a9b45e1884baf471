package dev.tandem.demo;

import java.util.List;

import dev.tandem.core.BankAccounts;
import dev.tandem.core.Language;
import dev.tandem.partner.EnrollmentStatus;

/** The demo's partners: people and agencies from several countries, in every status a program sees. */
final class DemoPeople {

    /** How a demo partner wants to be paid. */
    enum Payout { SEPA, PAYPAL, MANUAL, NONE }

    /**
     * One partner of Northwind Partners. {@code status} is where their application ends up; {@code gold}
     * approves them into the Gold tier; {@code affiliate} also enrolls them in Northwind Affiliates;
     * {@code accepts}: whether they accepted the agreement.
     */
    record Person(String name, String company, String country, Language language, String industry,
            EnrollmentStatus status, boolean gold, boolean affiliate, Payout payout, boolean accepts) {

        String email() {
            String local = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", ".");
            return local + "@" + company.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "") + ".example";
        }
    }

    private static final EnrollmentStatus A = EnrollmentStatus.APPROVED;
    private static final EnrollmentStatus P = EnrollmentStatus.PENDING;
    private static final EnrollmentStatus R = EnrollmentStatus.REJECTED;
    private static final EnrollmentStatus S = EnrollmentStatus.SUSPENDED;
    private static final EnrollmentStatus B = EnrollmentStatus.BANNED;
    private static final EnrollmentStatus I = EnrollmentStatus.INVITED;

    static final List<Person> ALL = List.of(
            new Person("Ana Ruiz", "Ruiz Consultores", "ES", Language.ES, "consulting", A, true, true, Payout.SEPA, true),
            new Person("Javier Morales", "Morales Digital", "ES", Language.ES, "agency", A, false, false, Payout.SEPA, true),
            new Person("Lucía Fernández", "Contalia", "ES", Language.ES, "accounting", A, false, true, Payout.PAYPAL, true),
            new Person("Sofía Herrera", "Herrera & Asociados", "MX", Language.ES, "consulting", A, false, false, Payout.PAYPAL, true),
            new Person("Mateo Giménez", "Pampa Cloud", "AR", Language.ES, "software", P, false, false, Payout.NONE, false),
            new Person("João Silva", "Silva Contabilidade", "PT", Language.PT, "accounting", A, true, false, Payout.SEPA, true),
            new Person("Beatriz Costa", "Costa Marketing", "PT", Language.PT, "agency", A, false, true, Payout.SEPA, true),
            new Person("Rafael Oliveira", "Oliveira Tech", "BR", Language.PT, "software", A, false, false, Payout.PAYPAL, false),
            new Person("Camila Souza", "Souza Digital", "BR", Language.PT, "creator", R, false, false, Payout.NONE, false),
            new Person("Giulia Rossi", "Rossi Studio", "IT", Language.IT, "agency", A, true, true, Payout.SEPA, true),
            new Person("Marco Bianchi", "Bianchi Software", "IT", Language.IT, "software", A, false, false, Payout.MANUAL, true),
            new Person("Francesca Romano", "Romano Commercialisti", "IT", Language.IT, "accounting", A, false, false, Payout.NONE, true),
            new Person("Luca Ferrari", "Ferrari Web", "IT", Language.IT, "agency", S, false, false, Payout.SEPA, true),
            new Person("Chiara Esposito", "Esposito Media", "IT", Language.IT, "creator", P, false, false, Payout.NONE, false),
            new Person("Ingrid Johansen", "Johansen Regnskap", "NO", Language.NB, "accounting", A, false, false, Payout.SEPA, true),
            new Person("Lars Berg", "Berg Rådgivning", "NO", Language.NB, "consulting", A, true, true, Payout.SEPA, true),
            new Person("Kari Nilsen", "Nilsen Design", "NO", Language.NB, "agency", R, false, false, Payout.NONE, false),
            new Person("Ole Hansen", "Fjord Systems", "NO", Language.NB, "software", B, false, false, Payout.NONE, false),
            new Person("Emily Carter", "Carter Advisory", "GB", Language.EN, "consulting", A, false, true, Payout.PAYPAL, true),
            new Person("James O'Brien", "Liffey Books", "IE", Language.EN, "accounting", A, false, false, Payout.SEPA, true),
            new Person("Olivia Bennett", "Bennett Growth", "US", Language.EN, "agency", A, false, true, Payout.PAYPAL, true),
            new Person("Noah Fischer", "Fischer IT", "DE", Language.EN, "software", A, false, false, Payout.SEPA, false),
            new Person("Hannah Weber", "Weber Steuerberatung", "DE", Language.EN, "accounting", A, false, false, Payout.SEPA, true),
            new Person("Priya Sharma", "Sharma Ventures", "GB", Language.EN, "consulting", A, false, true, Payout.MANUAL, true),
            new Person("Michael Chen", "Chen Creative", "US", Language.EN, "creator", P, false, false, Payout.NONE, false),
            new Person("Sarah Dubois", "Dubois Conseil", "FR", Language.EN, "consulting", P, false, false, Payout.NONE, false),
            new Person("Tom Wilson", "Quick Coupons", "US", Language.EN, "coupons", R, false, false, Payout.NONE, false),
            new Person("Elena Popescu", "Popescu Cloud", "RO", Language.EN, "software", S, false, false, Payout.PAYPAL, true),
            new Person("Pedro Alves", "Alves Parceiros", "PT", Language.PT, "agency", I, false, false, Payout.NONE, false),
            new Person("Anna Lindqvist", "Lindqvist Media", "NO", Language.NB, "creator", I, false, false, Payout.NONE, false));

    private DemoPeople() {
    }

    /** A valid IBAN of the country for this partner (the account number varies, the checksum is right). */
    static String iban(String country, int n) {
        String bban = switch (country) {
            case "ES" -> "21000418" + String.format("%012d", 450200051332L + n);
            case "PT" -> "00020123" + String.format("%013d", 1234567890154L + n);
            case "IT" -> "X0542811101" + String.format("%012d", 123456L + n);
            case "NO" -> "8601111" + String.format("%04d", 7947 + n);
            case "IE" -> "AIBK931152" + String.format("%08d", 12345678 + n);
            case "RO" -> "AAAA1B310075" + String.format("%08d", 93840000 + n);
            default -> "37040044" + String.format("%010d", 532013000L + n);
        };
        String cc = switch (country) {
            case "ES", "PT", "IT", "NO", "IE", "RO" -> country;
            default -> "DE";
        };
        return BankAccounts.withCheckDigits(cc, bban);
    }
}
