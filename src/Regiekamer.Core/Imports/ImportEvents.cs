using System.Globalization;
using Regiekamer.Core.Audit;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Imports;

/// <summary>What the audit trail keeps of an imported (or shipped) dataset and the file it came from.</summary>
[Audited(ImportService.AuditEntity, "Referentiedataset", "Reference dataset")]
public sealed record DatasetSnapshot(
    [property: Label("Soort", "Kind")] string Kind,
    [property: Label("Titel", "Title")] string Title,
    [property: Label("Bron", "Source")] string Source,
    [property: Label("Referentiedatum", "Reference date")] string ReferenceDate,
    [property: Label("Rijen", "Rows")] int RowCount,
    [property: Label("Bestand", "File")] string File) : IAuditSnapshot
{
    public static DatasetSnapshot Of(ReferenceDataset dataset, string file)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new(dataset.Kind.ToString(), dataset.Title, dataset.Source, dataset.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dataset.RowCount, file);
    }
}

public static class ImportActions
{
    [Label("Geïmporteerd", "Imported")]
    public const string Imported = "Imported";
}

/// <summary>A dataset imported (or shipped with Regiekamer and seeded).</summary>
public sealed record DatasetImported(int DatasetId, DatasetSnapshot Dataset) : AuditEvent
{
    public override string EntityType => ImportService.AuditEntity;

    public override string EntityId => KeyOf(DatasetId);

    public override string Action => ImportActions.Imported;

    public override object? Before => null;

    public override object? After => Dataset;
}
