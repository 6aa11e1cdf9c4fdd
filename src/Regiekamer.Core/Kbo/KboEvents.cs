using System.Globalization;
using Regiekamer.Core.Audit;

namespace Regiekamer.Core.Kbo;

/// <summary>What the audit trail keeps of a KBO extract put in force.</summary>
[Audited(KboImportService.AuditEntity, "KBO-uittreksel", "KBO extract")]
public sealed record KboSnapshotValues(
    [property: Label("Bron", "Source")] string Source,
    [property: Label("Soort", "Type")] string ExtractType,
    [property: Label("Uittrekselnummer", "Extract number")] int ExtractNumber,
    [property: Label("Datum uittreksel", "Snapshot date")] string SnapshotDate,
    [property: Label("Ondernemingen", "Enterprises")] int Enterprises,
    [property: Label("Namen", "Names")] int Denominations,
    [property: Label("Maatschappelijke zetels", "Registered offices")] int Addresses,
    [property: Label("Hoofdactiviteiten", "Main activities")] int Activities,
    [property: Label("Codes", "Codes")] int Codes,
    [property: Label("Gevraagd door", "Requested by")] string RequestedBy) : IAuditSnapshot
{
    public static KboSnapshotValues Of(KboSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new(
            snapshot.Source,
            snapshot.ExtractType?.ToString() ?? "",
            snapshot.ExtractNumber ?? 0,
            snapshot.SnapshotDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            snapshot.Enterprises,
            snapshot.Denominations,
            snapshot.Addresses,
            snapshot.Activities,
            snapshot.Codes,
            snapshot.RequestedBy);
    }
}

public static class KboActions
{
    [Label("Van kracht", "Put in force")]
    public const string PutInForce = "PutInForce";
}

/// <summary>A KBO extract imported and put in force (the previous one superseded).</summary>
public sealed record KboExtractImported(int SnapshotId, KboSnapshotValues Snapshot) : AuditEvent
{
    public override string EntityType => KboImportService.AuditEntity;

    public override string EntityId => KeyOf(SnapshotId);

    public override string Action => KboActions.PutInForce;

    public override object? Before => null;

    public override object? After => Snapshot;
}
