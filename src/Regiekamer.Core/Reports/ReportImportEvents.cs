using Regiekamer.Core.Audit;

namespace Regiekamer.Core.Reports;

// What the audit trail keeps of an import of the annual accounts into a year's report ("AnnualReport", its id).

/// <summary>The report's actions replaced by the annual accounts' (R15): the file, and what became of the actions.</summary>
[Audited(ReportService.AuditEntity, "Jaarverslag", "Annual report")]
public sealed record ReportImportSnapshot(
    [property: Label("Bestand", "File")] string FileName,
    [property: Label("SHA-256 van het bestand", "File SHA-256")] string Sha256,
    [property: Label("Geplande acties uitgevoerd", "Planned actions carried out")] int Updated,
    [property: Label("Niet geplande acties", "Unplanned actions")] int Unplanned,
    [property: Label("Geplande acties niet uitgevoerd", "Planned actions not carried out")] int NotCarriedOut) : IAuditSnapshot;

public static class ReportImportAuditActions
{
    [Label("Acties ingelezen uit de jaarrekening", "Actions imported from the annual accounts")]
    public const string Imported = "ReportActionsImported";
}

public sealed record ReportActionsImported(int ReportId, ReportImportSnapshot Import)
    : PartChanged<ReportImportSnapshot>(KeyOf(ReportId), ReportImportAuditActions.Imported, null, Import);
