using System.Globalization;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Notifications;

/// <summary>What each notification says, in Dutch and English, with its key and link. Pure: the callers gather the facts.</summary>
public static class NotificationTexts
{
    /// <summary>The page of a dossier.</summary>
    public static string DossierLink(int applicationId) => string.Create(CultureInfo.InvariantCulture, $"/Applications/{applicationId}");

    /// <summary>The receipt page of a submitted version.</summary>
    public static string ReceiptLink(int applicationId, int version) => string.Create(CultureInfo.InvariantCulture, $"/Applications/{applicationId}/Versions/{version}");

    private static string PartnershipLink(int partnershipId) => string.Create(CultureInfo.InvariantCulture, $"/Partnerships/{partnershipId}");

    private static Bilingual DaysLeft(int days) => days switch
    {
        0 => new("vandaag", "today"),
        1 => new("morgen", "tomorrow"),
        _ => new(string.Create(CultureInfo.InvariantCulture, $"over {days} dagen"), string.Create(CultureInfo.InvariantCulture, $"in {days} days")),
    };

    /// <summary>A partnership that has not submitted, <paramref name="threshold"/> days (or fewer, after downtime) before its last day.</summary>
    public static NotificationDraft DeadlineReminder(
        int callId, string callCode, int partnershipId, string partnershipName, Application? dossier, DateOnly lastDay, int threshold, int daysLeft, bool extended)
    {
        var when = DaysLeft(daysLeft);
        var date = Formats.Date(lastDay);
        var state = dossier is null
            ? new Bilingual("heeft nog geen aanvraagdossier", "has not started an application dossier yet")
            : new Bilingual($"heeft aanvraagdossier {dossier.DossierNumber} nog niet ingediend", $"has not submitted application dossier {dossier.DossierNumber} yet");
        var extension = extended ? new Bilingual(" (met het toegekende uitstel)", " (with the extension granted)") : new Bilingual("", "");
        return new NotificationDraft(
            NotificationKeys.Deadline(callId, partnershipId, lastDay, threshold),
            NotificationKind.DeadlineReminder,
            partnershipId,
            dossier?.Id,
            new($"Herinnering: aanvraag {callCode} indienen uiterlijk {date} ({when.Nl})", $"Reminder: submit the {callCode} application by {date} ({when.En})"),
            new(
                $"Regieverband {partnershipName} {state.Nl} voor oproep {callCode}. De laatste dag om in te dienen is {date}{extension.Nl}, tot 23:59:59 Brusselse tijd: {when.Nl}. Enkel de ondertekenaar (organisatieverantwoordelijke) kan het dossier indienen (R8).",
                $"Partnership {partnershipName} {state.En} for call {callCode}. The last day to submit is {date}{extension.En}, until 23:59:59 Brussels time: {when.En}. Only the signatory (organisatieverantwoordelijke) can submit the dossier (R8)."),
            dossier is null ? PartnershipLink(partnershipId) : DossierLink(dossier.Id));
    }

    /// <summary>The receipt of a submission (ontvangstbewijs): dossier number, version, the moment in Brussels and the SHA-256.</summary>
    public static NotificationDraft Receipt(Receipt receipt, int partnershipId)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var at = BrusselsClock.Display(receipt.SubmittedAtUtc);
        var extension = receipt.UnderExtension ? new Bilingual(" Ingediend na de indiendatum van de oproep, onder het toegekende uitstel.", " Submitted after the call's deadline, under the extension granted.") : new Bilingual("", "");
        return new NotificationDraft(
            NotificationKeys.Receipt(receipt.ApplicationId, receipt.Version),
            NotificationKind.Receipt,
            partnershipId,
            receipt.ApplicationId,
            new($"Ontvangstbewijs: dossier {receipt.DossierNumber} versie {receipt.Version} ingediend", $"Receipt: dossier {receipt.DossierNumber} version {receipt.Version} submitted"),
            new(
                $"Regieverband {receipt.PartnershipName} diende aanvraagdossier {receipt.DossierNumber} in voor oproep {receipt.CallCode} (versie {receipt.CallVersion} van de oproep).\n"
                + $"Versie: {receipt.Version}\nIngediend op: {at} (Brusselse tijd)\nSHA-256 van de ingediende inhoud: {receipt.Sha256}{extension.Nl}",
                $"Partnership {receipt.PartnershipName} submitted application dossier {receipt.DossierNumber} for call {receipt.CallCode} (version {receipt.CallVersion} of the call).\n"
                + $"Version: {receipt.Version}\nSubmitted at: {at} (Brussels time)\nSHA-256 of the submitted content: {receipt.Sha256}{extension.En}"),
            ReceiptLink(receipt.ApplicationId, receipt.Version));
    }

    /// <summary>The department sent the dossier back: the points to change (as the case handler wrote them) and the response date.</summary>
    public static NotificationDraft ChangesRequested(Application dossier, ApplicationDecision decision)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(decision);
        var due = Formats.Date(decision.ResponseDue!.Value);
        var points = string.Join('\n', (decision.Points ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => "- " + p));
        return new NotificationDraft(
            NotificationKeys.Decision(dossier.Id, decision.VersionNumber, NotificationKind.ChangesRequested),
            NotificationKind.ChangesRequested,
            dossier.PartnershipId,
            dossier.Id,
            new($"Aanpassing gevraagd: dossier {dossier.DossierNumber}, antwoord uiterlijk {due}", $"Changes requested: dossier {dossier.DossierNumber}, respond by {due}"),
            new(
                $"Het departement vraagt aanpassingen aan versie {decision.VersionNumber} van aanvraagdossier {dossier.DossierNumber}. Aan te passen:\n{points}\n"
                + $"Dien het aangepaste dossier opnieuw in uiterlijk op {due} (tot 23:59:59 Brusselse tijd).\nMotivering: {decision.Motivation}",
                $"The department asks for changes to version {decision.VersionNumber} of application dossier {dossier.DossierNumber}. To change:\n{points}\n"
                + $"Submit the changed dossier again by {due} (until 23:59:59 Brussels time).\nMotivation: {decision.Motivation}"),
            DossierLink(dossier.Id));
    }

    /// <summary>A dossier sent back for changes, some days before its response date.</summary>
    public static NotificationDraft ResponseReminder(Application dossier, DateOnly responseDue, int daysLeft)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var due = Formats.Date(responseDue);
        var when = DaysLeft(daysLeft);
        return new NotificationDraft(
            NotificationKeys.Response(dossier.Id, responseDue),
            NotificationKind.ResponseReminder,
            dossier.PartnershipId,
            dossier.Id,
            new($"Herinnering: dossier {dossier.DossierNumber} aangepast indienen uiterlijk {due} ({when.Nl})", $"Reminder: submit dossier {dossier.DossierNumber} with the changes by {due} ({when.En})"),
            new(
                $"Het departement vroeg aanpassingen aan aanvraagdossier {dossier.DossierNumber}. Dien het aangepaste dossier opnieuw in uiterlijk op {due}, tot 23:59:59 Brusselse tijd: {when.Nl}.",
                $"The department asked for changes to application dossier {dossier.DossierNumber}. Submit the changed dossier again by {due}, until 23:59:59 Brussels time: {when.En}."),
            DossierLink(dossier.Id));
    }

    /// <summary>The department approved or rejected the dossier.</summary>
    public static NotificationDraft Decided(Application dossier, ApplicationDecision decision)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(decision);
        var approved = decision.Kind == DecisionKind.Approve;
        var kind = approved ? NotificationKind.Approved : NotificationKind.Rejected;
        var rules = decision.Rules is { Length: > 0 } r ? r.Replace(";", ", ", StringComparison.Ordinal) : null;
        var outcome = approved ? new Bilingual("goedgekeurd", "approved") : new Bilingual("afgewezen", "rejected");
        var grounds = rules is null ? new Bilingual("", "") : new Bilingual($"\nRegels: {rules}", $"\nRules: {rules}");
        return new NotificationDraft(
            NotificationKeys.Decision(dossier.Id, decision.VersionNumber, kind),
            kind,
            dossier.PartnershipId,
            dossier.Id,
            new($"Dossier {dossier.DossierNumber} is {outcome.Nl}", $"Dossier {dossier.DossierNumber} has been {outcome.En}"),
            new(
                $"Het departement heeft versie {decision.VersionNumber} van aanvraagdossier {dossier.DossierNumber} {outcome.Nl}.{grounds.Nl}\nMotivering: {decision.Motivation}",
                $"The department has {outcome.En} version {decision.VersionNumber} of application dossier {dossier.DossierNumber}.{grounds.En}\nMotivation: {decision.Motivation}"),
            DossierLink(dossier.Id));
    }

    /// <summary>To case handlers: a dossier has waited in its status for <paramref name="days"/> days.</summary>
    public static NotificationDraft ReviewWaiting(Application dossier, string partnershipName, int days)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var status = ApplicationStatuses.Label(dossier.Status);
        var since = BrusselsClock.Display(dossier.StatusSinceUtc);
        return new NotificationDraft(
            NotificationKeys.Waiting(dossier.Id, dossier.StatusSinceUtc),
            NotificationKind.ReviewWaiting,
            dossier.PartnershipId,
            dossier.Id,
            new($"Dossier {dossier.DossierNumber} wacht al {days} dagen ({status.Nl})", $"Dossier {dossier.DossierNumber} has been waiting {days} days ({status.En})"),
            new(
                $"Aanvraagdossier {dossier.DossierNumber} van {partnershipName} heeft status '{status.Nl}' sinds {since} (Brusselse tijd): {days} dagen.",
                $"Application dossier {dossier.DossierNumber} of {partnershipName} has had status '{status.En}' since {since} (Brussels time): {days} days."),
            DossierLink(dossier.Id));
    }
}
