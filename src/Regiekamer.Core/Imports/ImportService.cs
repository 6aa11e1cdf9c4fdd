using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Imports;

public sealed record ImportRequest(FigureFileKind Kind, string FileName, DateOnly ReferenceDate, string? Source, string? Title = null);

/// <summary>Imports a batch of figures as new datasets (with reference date and source), all or nothing.</summary>
public sealed class ImportService(RegiekamerDb db, ReferenceDataService referenceData, AuditTrail audit, TimeProvider time)
{
    /// <summary>The audit trail's entity type for a reference dataset; each import or seed is an "Imported" record on the dataset's id.</summary>
    public const string AuditEntity = "ReferenceDataset";

    /// <summary>Imports the bytes of a file (an upload, a request body, a file on disk): UTF-8, decoded strictly (<see cref="CsvText.Decode"/>).</summary>
    public async Task<Result<IReadOnlyList<ReferenceDataset>>> ImportAsync(ImportRequest request, ReadOnlyMemory<byte> content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = CsvText.Decode(request.FileName, content.Span);
        if (!text.IsSuccess)
        {
            return Result<IReadOnlyList<ReferenceDataset>>.Fail(text.Errors);
        }

        using var reader = new StringReader(text.Value!);
        return await ImportAsync(request, reader, ct);
    }

    public async Task<Result<IReadOnlyList<ReferenceDataset>>> ImportAsync(ImportRequest request, TextReader content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Source))
        {
            return DomainError.Invalid("validation", "Bron: verplicht (bv. 'VDAB Arvastat' of 'Statbel').", "Source: required (e.g. 'VDAB Arvastat' or 'Statbel').", "source");
        }

        var snapshot = await referenceData.SnapshotAsync(MunicipalitySet.Set2019, ct: ct);
        var parsed = FigureCsv.Parse(request.FileName, content, request.Kind, snapshot);
        if (!parsed.IsSuccess)
        {
            return Result<IReadOnlyList<ReferenceDataset>>.Fail(parsed.Errors);
        }

        // A dataset becomes the one in force for every municipality, so it must cover them all.
        var covered = parsed.Value!.Figures.Values.First().Select(f => f.NisCode).ToHashSet();
        var missing = snapshot.Municipalities.Where(m => !covered.Contains(m.NisCode)).ToList();
        if (missing.Count > 0)
        {
            var list = string.Join(", ", missing.Take(10).Select(m => $"{m.Name} ({m.NisCode})")) + (missing.Count > 10 ? ", …" : "");
            return DomainError.Invalid(
                "validation",
                $"{request.FileName}: {missing.Count} van de {snapshot.Municipalities.Count} gemeenten ontbreken ({list}); een import vervangt de cijfers van alle gemeenten en moet ze dus allemaal bevatten.",
                $"{request.FileName}: {missing.Count} of the {snapshot.Municipalities.Count} municipalities are missing ({list}); an import replaces the figures of every municipality, so it must contain them all.",
                "nis_code");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var created = new List<ReferenceDataset>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (kind, figures) in parsed.Value!.Figures)
        {
            var dataset = new ReferenceDataset
            {
                Kind = kind,
                MunicipalitySet = MunicipalitySet.Set2019,
                Title = request.Title?.Trim() is { Length: > 0 } t ? t : $"{KindTitle(kind)} op {Formats.ShortDate(request.ReferenceDate)} (import)",
                Source = request.Source.Trim(),
                Provenance = $"Imported from {request.FileName} on {now:yyyy-MM-dd HH:mm} UTC.",
                ReferenceDate = request.ReferenceDate,
                IsEstimate = false,
                ImportedAtUtc = now,
                RowCount = figures.Count,
            };
            db.Datasets.Add(dataset);
            await db.SaveChangesAsync(ct);
            db.Figures.AddRange(figures.Select(f => new MunicipalityFigure { DatasetId = dataset.Id, NisCode = f.NisCode, Value = f.Value }));
            audit.Record(new DatasetImported(dataset.Id, DatasetSnapshot.Of(dataset, request.FileName)));
            await db.SaveChangesAsync(ct);
            created.Add(dataset);
        }

        await tx.CommitAsync(ct);
        return Result<IReadOnlyList<ReferenceDataset>>.Ok(created);
    }

    public static string KindTitle(DatasetKind kind) => kind switch
    {
        DatasetKind.Inhabitants => "Inwoners",
        DatasetKind.WorkingAgePopulation => "Bevolking op beroepsactieve leeftijd (15-64)",
        DatasetKind.JobSeekers => "Werkzoekenden",
        _ => kind.ToString(),
    };
}
