using System.Globalization;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Applications;

// What the audit trail keeps of a dossier: every event is recorded on the dossier ("Application", its id), so the
// dossier's history is one list. Contact details are personal data (Personal): erasable without breaking the chain.

/// <summary>The dossier as it starts, and its status.</summary>
[Audited(ApplicationService.AuditEntity, "Aanvraagdossier", "Application dossier")]
public sealed record ApplicationSnapshot(
    [property: Label("Dossiernummer", "Dossier number")] string DossierNumber,
    [property: Label("Regieverband", "Partnership")] int PartnershipId,
    [property: Label("Oproep", "Call")] int CallId,
    [property: Label("Status", "Status")] string Status) : IAuditSnapshot
{
    public static ApplicationSnapshot Of(Application a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.DossierNumber, a.PartnershipId, a.CallId, a.Status.Code());
    }

    public static Bilingual? ValueLabel(string field, string value) =>
        field == nameof(Status) && ApplicationStatuses.TryParse(value, out var status) ? ApplicationStatuses.Label(status) : null;
}

/// <summary>The dossier's own fields of the information form (R7a).</summary>
[Audited(ApplicationService.AuditEntity, "Aanvraagdossier", "Application dossier")]
public sealed record ApplicationInformationSnapshot(
    [property: Label("Werkt met BBC", "Works with BBC")] bool? BbcUser,
    [property: Label("KBO-nummer begunstigde", "Beneficiary's KBO number")] string? BeneficiaryKbo,
    [property: Label("Rekeningnummer (IBAN)", "Bank account (IBAN)")] string? Iban,
    [property: Label("Wijk-werken in het gebied", "Wijk-werken in the area")] bool? WijkWerken,
    [property: Label("Naam regisseur", "Regisseur name")] Personal? RegisseurName,
    [property: Label("E-mail regisseur", "Regisseur e-mail")] Personal? RegisseurEmail,
    [property: Label("Telefoon regisseur", "Regisseur phone")] Personal? RegisseurPhone,
    [property: Label("Naam ondertekenaar", "Signatory name")] Personal? SignatoryName,
    [property: Label("E-mail ondertekenaar", "Signatory e-mail")] Personal? SignatoryEmail,
    [property: Label("Telefoon ondertekenaar", "Signatory phone")] Personal? SignatoryPhone) : IAuditSnapshot
{
    public static ApplicationInformationSnapshot Of(Application a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var regisseur = Personal.ContactSubject(a.RegisseurEmail, a.RegisseurName);
        var signatory = Personal.ContactSubject(a.SignatoryEmail, a.SignatoryName);
        return new(
            a.BbcUser,
            a.BeneficiaryKbo,
            a.Iban,
            a.WijkWerken,
            Personal.Of(a.RegisseurName, regisseur),
            Personal.Of(a.RegisseurEmail, regisseur),
            Personal.Of(a.RegisseurPhone, regisseur),
            Personal.Of(a.SignatoryName, signatory),
            Personal.Of(a.SignatoryEmail, signatory),
            Personal.Of(a.SignatoryPhone, signatory));
    }
}

/// <summary>One action of the plan (R11).</summary>
[Audited(ApplicationService.AuditEntity, "Aanvraagdossier", "Application dossier")]
public sealed record PlannedActionSnapshot(
    [property: Label("Actie", "Action")] int ActionId,
    [property: Label("Beleidsdoelstelling", "Policy goal")] string? PolicyGoal,
    [property: Label("Actieplan", "Action plan")] string? ActionPlan,
    [property: Label("Actie omschrijving", "Short description")] string ShortDescription,
    [property: Label("Actie lange omschrijving", "Long description")] string? LongDescription,
    [property: Label("Actie commentaar", "Comment")] string? Comment,
    [property: Label("Code", "Code")] string Code,
    [property: Label("Bedragen per jaar (EUR)", "Amounts per year (EUR)")] IReadOnlyDictionary<string, string> Amounts) : IAuditSnapshot
{
    public static PlannedActionSnapshot Of(PlannedAction x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return new(
            x.Id,
            x.PolicyGoal,
            x.ActionPlan,
            x.ShortDescription,
            x.LongDescription,
            x.Comment,
            x.Code,
            x.Amounts.ToInvariantDictionary());
    }
}

/// <summary>A plan replaced by a file (the BBC route).</summary>
[Audited(ApplicationService.AuditEntity, "Aanvraagdossier", "Application dossier")]
public sealed record PlanImportSnapshot(
    [property: Label("Bestand", "File")] string FileName,
    [property: Label("SHA-256 van het bestand", "File SHA-256")] string Sha256,
    [property: Label("Aantal acties", "Number of actions")] int Actions,
    [property: Label("Totaal per jaar (EUR)", "Total per year (EUR)")] IReadOnlyDictionary<string, string> Totals) : IAuditSnapshot;

/// <summary>A member's signed commitment statement (R7b) or another attachment.</summary>
[Audited(ApplicationService.AuditEntity, "Aanvraagdossier", "Application dossier")]
public sealed record AttachmentSnapshot(
    [property: Label("Bijlage", "Attachment")] int AttachmentId,
    [property: Label("Soort", "Kind")] string Kind,
    [property: Label("Bestandsnaam", "File name")] string FileName,
    [property: Label("SHA-256", "SHA-256")] string Sha256,
    [property: Label("Lidgemeente (NIS)", "Member (NIS)")] string? Member = null,
    [property: Label("Datum gemeenteraadsbesluit", "Date of the council decision")] string? CouncilDecisionDate = null) : IAuditSnapshot;

/// <summary>A submitted version (R7, R8).</summary>
[Audited(ApplicationService.AuditEntity, "Aanvraagdossier", "Application dossier")]
public sealed record SubmissionSnapshot(
    [property: Label("Versie", "Version")] int Version,
    [property: Label("SHA-256", "SHA-256")] string Sha256,
    [property: Label("Oproepversie", "Call version")] int CallVersionId,
    [property: Label("Ingediend met uitstel", "Submitted under an extension")] bool UnderExtension,
    [property: Label("Status", "Status")] string Status) : IAuditSnapshot
{
    public static Bilingual? ValueLabel(string field, string value) => ApplicationSnapshot.ValueLabel(field, value);
}

/// <summary>A status change without more to it (withdrawn, review started).</summary>
[Audited(ApplicationService.AuditEntity, "Aanvraagdossier", "Application dossier")]
public sealed record StatusSnapshot([property: Label("Status", "Status")] string Status) : IAuditSnapshot
{
    public static Bilingual? ValueLabel(string field, string value) => ApplicationSnapshot.ValueLabel(field, value);
}

/// <summary>A reviewer's verdict on one check.</summary>
[Audited(ApplicationService.AuditEntity, "Aanvraagdossier", "Application dossier")]
public sealed record ReviewCheckSnapshot(
    [property: Label("Versie", "Version")] int Version,
    [property: Label("Controle", "Check")] string Check,
    [property: Label("Oordeel", "Verdict")] string Verdict,
    [property: Label("Toelichting", "Note")] string? Note) : IAuditSnapshot;

/// <summary>A decision: approve, reject, or request changes.</summary>
[Audited(ApplicationService.AuditEntity, "Aanvraagdossier", "Application dossier")]
public sealed record DecisionSnapshot(
    [property: Label("Versie", "Version")] int Version,
    [property: Label("Beslissing", "Decision")] string Decision,
    [property: Label("Motivering", "Motivation")] string Motivation,
    [property: Label("Regels", "Rules")] string? Rules,
    [property: Label("Aan te passen", "To change")] string? Points,
    [property: Label("Antwoord tegen", "Response due")] string? ResponseDue,
    [property: Label("Status", "Status")] string Status) : IAuditSnapshot
{
    public static Bilingual? ValueLabel(string field, string value) => ApplicationSnapshot.ValueLabel(field, value);
}

/// <summary>R8: a later deadline for this dossier.</summary>
[Audited(ApplicationService.AuditEntity, "Aanvraagdossier", "Application dossier")]
public sealed record ExtensionSnapshot(
    [property: Label("Uitstel tot", "Extended until")] string? Until,
    [property: Label("Motivering", "Motivation")] string? Motivation) : IAuditSnapshot;

/// <summary>The actions of a dossier besides creation.</summary>
public static class ApplicationAuditActions
{
    [Label("Inlichtingenformulier gewijzigd", "Information form changed")]
    public const string InformationUpdated = "InformationUpdated";

    [Label("Actie toegevoegd", "Action added")]
    public const string ActionAdded = "ActionAdded";

    [Label("Actie gewijzigd", "Action changed")]
    public const string ActionUpdated = "ActionUpdated";

    [Label("Actie verwijderd", "Action removed")]
    public const string ActionRemoved = "ActionRemoved";

    [Label("Plan ingelezen", "Plan imported")]
    public const string PlanImported = "PlanImported";

    [Label("Bijlage toegevoegd", "Attachment added")]
    public const string AttachmentAdded = "AttachmentAdded";

    [Label("Ingediend", "Submitted")]
    public const string Submitted = "Submitted";

    [Label("Ingetrokken", "Withdrawn")]
    public const string Withdrawn = "Withdrawn";

    [Label("Controle beoordeeld", "Check reviewed")]
    public const string CheckReviewed = "CheckReviewed";

    [Label("Beslist", "Decided")]
    public const string Decided = "Decided";

    [Label("Uitstel gegeven", "Extension granted")]
    public const string ExtensionGranted = "ExtensionGranted";
}

public sealed record ApplicationStarted(int ApplicationId, ApplicationSnapshot Application)
    : Created<ApplicationSnapshot>(KeyOf(ApplicationId), Application);

public sealed record ApplicationInformationUpdated(int ApplicationId, ApplicationInformationSnapshot Old, ApplicationInformationSnapshot New)
    : Changed<ApplicationInformationSnapshot>(KeyOf(ApplicationId), ApplicationAuditActions.InformationUpdated, Old, New);

public sealed record PlannedActionAdded(int ApplicationId, PlannedActionSnapshot Added)
    : PartChanged<PlannedActionSnapshot>(KeyOf(ApplicationId), ApplicationAuditActions.ActionAdded, null, Added);

public sealed record PlannedActionUpdated(int ApplicationId, PlannedActionSnapshot Old, PlannedActionSnapshot New)
    : PartChanged<PlannedActionSnapshot>(KeyOf(ApplicationId), ApplicationAuditActions.ActionUpdated, Old, New);

public sealed record PlannedActionRemoved(int ApplicationId, PlannedActionSnapshot Removed)
    : PartChanged<PlannedActionSnapshot>(KeyOf(ApplicationId), ApplicationAuditActions.ActionRemoved, Removed, null);

public sealed record PlanImported(int ApplicationId, PlanImportSnapshot Import)
    : PartChanged<PlanImportSnapshot>(KeyOf(ApplicationId), ApplicationAuditActions.PlanImported, null, Import);

public sealed record AttachmentAdded(int ApplicationId, AttachmentSnapshot Attachment)
    : PartChanged<AttachmentSnapshot>(KeyOf(ApplicationId), ApplicationAuditActions.AttachmentAdded, null, Attachment);

public sealed record ApplicationSubmitted(int ApplicationId, SubmissionSnapshot Submission)
    : PartChanged<SubmissionSnapshot>(KeyOf(ApplicationId), ApplicationAuditActions.Submitted, null, Submission);

public sealed record ApplicationWithdrawn(int ApplicationId, StatusSnapshot Old, StatusSnapshot New)
    : Changed<StatusSnapshot>(KeyOf(ApplicationId), ApplicationAuditActions.Withdrawn, Old, New);

public sealed record CheckReviewed(int ApplicationId, ReviewCheckSnapshot? Old, ReviewCheckSnapshot New)
    : PartChanged<ReviewCheckSnapshot>(KeyOf(ApplicationId), ApplicationAuditActions.CheckReviewed, Old, New);

public sealed record ApplicationDecided(int ApplicationId, DecisionSnapshot Decision)
    : PartChanged<DecisionSnapshot>(KeyOf(ApplicationId), ApplicationAuditActions.Decided, null, Decision);

public sealed record ExtensionGranted(int ApplicationId, ExtensionSnapshot Old, ExtensionSnapshot New)
    : Changed<ExtensionSnapshot>(KeyOf(ApplicationId), ApplicationAuditActions.ExtensionGranted, Old, New);
