using System.Globalization;
using Regiekamer.Core.Common;
using Regiekamer.Core.Notifications;

namespace Regiekamer.Core.Reports;

/// <summary>What the annual-report notifications say, in Dutch and English, with their keys and links. Pure.</summary>
public static class ReportNotifications
{
    public static string ReportLink(int reportId) => string.Create(CultureInfo.InvariantCulture, $"/Reports/{reportId}");

    private static string Inv(FormattableString s) => string.Create(CultureInfo.InvariantCulture, $"{s}");

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Bilingual DaysLeft(int days) => days switch
    {
        0 => new("vandaag", "today"),
        1 => new("morgen", "tomorrow"),
        _ => new(Inv($"over {days} dagen"), Inv($"in {days} days")),
    };

    /// <summary>Before the last day: the report of <paramref name="year"/> is not handed in yet.</summary>
    public static NotificationDraft Reminder(ReportStanding s, int threshold, int daysLeft)
    {
        ArgumentNullException.ThrowIfNull(s);
        var when = DaysLeft(daysLeft);
        var date = Formats.Date(s.LastDay);
        var extension = s.ExtendedUntil is not null ? new Bilingual(" (met het toegekende uitstel)", " (with the extension granted)") : new Bilingual("", "");
        return new NotificationDraft(
            Inv($"report-deadline:{s.CallId}:{s.PartnershipId}:{s.Year}:{Day(s.LastDay)}:{threshold}"),
            NotificationKind.ReportReminder,
            s.PartnershipId,
            s.ApplicationId,
            new($"Herinnering: jaarverslag {s.Year} indienen uiterlijk {date} ({when.Nl})", $"Reminder: submit the {s.Year} annual report by {date} ({when.En})"),
            new(
                $"Regieverband {s.PartnershipName} heeft het jaarverslag {s.Year} voor oproep {s.CallCode} nog niet ingediend. De laatste dag is {date}{extension.Nl}: {when.Nl}. Enkel de ondertekenaar kan het indienen (R15).",
                $"Partnership {s.PartnershipName} has not submitted its {s.Year} annual report for call {s.CallCode} yet. The last day is {date}{extension.En}: {when.En}. Only the signatory can submit it (R15)."),
            s.ReportId is { } id ? ReportLink(id) : "/Reports");
    }

    /// <summary>After the last day, the <paramref name="number"/>th reminder while the report stays overdue.</summary>
    public static NotificationDraft Overdue(ReportStanding s, int number, int daysLate)
    {
        ArgumentNullException.ThrowIfNull(s);
        var date = Formats.Date(s.LastDay);
        return new NotificationDraft(
            Inv($"report-overdue:{s.CallId}:{s.PartnershipId}:{s.Year}:{Day(s.LastDay)}:{number}"),
            NotificationKind.ReportOverdue,
            s.PartnershipId,
            s.ApplicationId,
            new($"Te laat: jaarverslag {s.Year} is nog niet ingediend (uiterlijk {date})", $"Overdue: the {s.Year} annual report is not submitted (due {date})"),
            new(
                Inv($"Regieverband {s.PartnershipName} had het jaarverslag {s.Year} voor oproep {s.CallCode} uiterlijk op {date} moeten indienen; het is {daysLate} dagen te laat. Zonder jaarverslag kan het departement het niet beoordelen en volgt geen saldo (R15, R16). Vraag het departement om uitstel als u meer tijd nodig hebt."),
                Inv($"Partnership {s.PartnershipName} should have submitted its {s.Year} annual report for call {s.CallCode} by {date}; it is {daysLate} days late. Without a report the department cannot evaluate it and no balance follows (R15, R16). Ask the department for an extension if you need more time.")),
            s.ReportId is { } id ? ReportLink(id) : "/Reports");
    }

    /// <summary>The receipt of a submission: the version, the moment in Brussels and the SHA-256 of what was handed in.</summary>
    public static NotificationDraft Receipt(ReportReceipt r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var at = BrusselsClock.Display(r.SubmittedAtUtc);
        var timing = ReportDeadlines.Label(r.Timing);
        return new NotificationDraft(
            Inv($"report-receipt:{r.ReportId}:{r.Version}"),
            NotificationKind.ReportReceipt,
            r.PartnershipId,
            r.ApplicationId,
            new($"Ontvangstbewijs: jaarverslag {r.Year} van {r.PartnershipName}, versie {r.Version}", $"Receipt: {r.Year} annual report of {r.PartnershipName}, version {r.Version}"),
            new(
                $"Regieverband {r.PartnershipName} diende het jaarverslag {r.Year} in voor oproep {r.CallCode}.\nVersie: {r.Version}\nIngediend op: {at} (Brusselse tijd)\nUiterlijk: {Formats.Date(r.LastDay)} ({timing.Nl})\nSHA-256 van de ingediende inhoud: {r.Sha256}",
                $"Partnership {r.PartnershipName} submitted its {r.Year} annual report for call {r.CallCode}.\nVersion: {r.Version}\nSubmitted at: {at} (Brussels time)\nDue: {Formats.Date(r.LastDay)} ({timing.En})\nSHA-256 of the submitted content: {r.Sha256}"),
            ReportLink(r.ReportId));
    }

    /// <summary>The department's evaluation step, with its motivation and (for a clarification) the response date.</summary>
    public static NotificationDraft Evaluated(AnnualReport report, string partnershipName)
    {
        ArgumentNullException.ThrowIfNull(report);
        var status = ReportRules.Label(report.Status);
        var due = report.ResponseDue is { } d
            ? new Bilingual($"\nAntwoord (aangepast jaarverslag of bijkomende motivering) uiterlijk op {Formats.Date(d)}.", $"\nAnswer (an adapted report or further motivation) by {Formats.Date(d)}.")
            : new Bilingual("", "");
        var consequence = report.Status switch
        {
            ReportStatus.Accepted => new Bilingual("\nHet jaarverslag is aanvaard; een saldo voor dit jaar wordt nu ingepland.", "\nThe report is accepted; a balance for the year is now planned."),
            ReportStatus.NotUsedForPurpose => new Bilingual(
                "\nDe subsidie werd niet aangewend voor het doel: er wordt geen verdere subsidie uitbetaald en wat betaald werd, wordt teruggevorderd (R16).",
                "\nThe subsidy was not used for its purpose: no further subsidy is paid and what was paid is reclaimed (R16)."),
            _ => new Bilingual("", ""),
        };
        return new NotificationDraft(
            Inv($"report-evaluated:{report.Id}:{report.SubmittedVersions}:{report.Status}"),
            NotificationKind.ReportEvaluated,
            report.PartnershipId,
            report.ApplicationId,
            new($"Beoordeling jaarverslag {report.Year} van {partnershipName}: {status.Nl}", $"Evaluation of the {report.Year} annual report of {partnershipName}: {status.En}"),
            new(
                $"Beslissing {ReportRules.DecisionReference(report)}: {status.Nl} (R16).\nMotivering: {report.EvaluationMotivation}{due.Nl}{consequence.Nl}",
                $"Decision {ReportRules.DecisionReference(report)}: {status.En} (R16).\nMotivation: {report.EvaluationMotivation}{due.En}{consequence.En}"),
            ReportLink(report.Id));
    }

    /// <summary>A clarification's response date is near and the answer is not in.</summary>
    public static NotificationDraft ResponseReminder(AnnualReport report, string partnershipName, DateOnly due, int daysLeft)
    {
        ArgumentNullException.ThrowIfNull(report);
        var when = DaysLeft(daysLeft);
        return new NotificationDraft(
            Inv($"report-response:{report.Id}:{Day(due)}"),
            NotificationKind.ReportReminder,
            report.PartnershipId,
            report.ApplicationId,
            new($"Herinnering: antwoord op de vraag om verduidelijking van het jaarverslag {report.Year} uiterlijk {Formats.Date(due)} ({when.Nl})", $"Reminder: answer the request for clarification of the {report.Year} annual report by {Formats.Date(due)} ({when.En})"),
            new(
                $"Het departement vond het jaarverslag {report.Year} van {partnershipName} manifest onduidelijk en vroeg een aangepast verslag of bijkomende motivering tegen {Formats.Date(due)} (R16).",
                $"The department found the {report.Year} annual report of {partnershipName} manifestly unclear and asked for an adapted report or further motivation by {Formats.Date(due)} (R16)."),
            ReportLink(report.Id));
    }
}
