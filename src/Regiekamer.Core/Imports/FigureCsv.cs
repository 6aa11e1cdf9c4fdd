using System.Globalization;
using CsvHelper;
using Regiekamer.Core.Common;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Imports;

public enum FigureFileKind
{
    /// <summary><c>nis_code,working_age_population[,inhabitants]</c></summary>
    Population,

    /// <summary><c>nis_code,job_seekers</c></summary>
    JobSeekers,
}

/// <summary>The figures of one CSV file, per dataset kind.</summary>
public sealed record FigureFile(IReadOnlyDictionary<DatasetKind, IReadOnlyList<MunicipalityFigure>> Figures);

/// <summary>
/// Reads population and job-seeker CSVs. Every error names the file, the row (the header is row 1), the field and
/// the value; one bad row and nothing is returned. Text that is no CSV (binary, a stray quote, a huge field) is an
/// error too, never an exception (<see cref="CsvText"/>).
/// </summary>
public static class FigureCsv
{
    public static Result<FigureFile> Parse(string fileName, TextReader reader, FigureFileKind kind, ReferenceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(snapshot);
        var required = kind == FigureFileKind.Population ? new[] { "nis_code", "working_age_population" } : ["nis_code", "job_seekers"];
        var optional = kind == FigureFileKind.Population ? "inhabitants" : null;
        var text = reader.ReadToEnd();
        if (CsvText.Check(fileName, text) is { } binary)
        {
            return binary;
        }

        string[]? header = null;
        using var csv = CsvText.Reader(new StringReader(text));
        try
        {
            return Parse(fileName, csv, required, optional, snapshot, h => header = h);
        }
        catch (CsvHelperException e)
        {
            return CsvText.Unreadable(fileName, e, header);
        }
    }

    private static Result<FigureFile> Parse(string fileName, CsvReader csv, string[] required, string? optional, ReferenceSnapshot snapshot, Action<string[]> readHeader)
    {
        var errors = new List<DomainError>();
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            return Error(fileName, 1, "header", "", $"het bestand is leeg; verwacht kolommen {string.Join(",", required)}", $"the file is empty; expected columns {string.Join(",", required)}");
        }

        var header = csv.HeaderRecord.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        readHeader(header);
        foreach (var column in required.Where(c => !header.Contains(c)))
        {
            errors.Add(Err(fileName, 1, column, string.Join(",", header), $"kolom '{column}' ontbreekt", $"column '{column}' is missing"));
        }

        if (errors.Count > 0)
        {
            return Result<FigureFile>.Fail(errors);
        }

        var hasOptional = optional is not null && header.Contains(optional);
        var values = new Dictionary<string, List<MunicipalityFigure>>();
        var seen = new Dictionary<NisCode, int>();
        foreach (var column in required.Skip(1).Concat(hasOptional ? [optional!] : []))
        {
            values[column] = [];
        }

        int row = 1;
        while (csv.Read())
        {
            row = csv.Parser.Row;
            var rawCode = Field(csv, header, "nis_code");
            var municipality = NisCode.TryParse(rawCode, out var code) ? snapshot.Find(code) : null;
            if (municipality is null)
            {
                errors.Add(Err(fileName, row, "nis_code", rawCode, $"geen NIS-code van een gemeente in de gemeentelijst {SetName(snapshot.Set)}", $"not the NIS code of a municipality in the {SetName(snapshot.Set)} set"));
                continue;
            }

            if (seen.TryGetValue(code, out var firstRow))
            {
                errors.Add(Err(fileName, row, "nis_code", rawCode, $"staat al op rij {firstRow}", $"already on row {firstRow}"));
                continue;
            }

            seen[code] = row;
            foreach (var (column, list) in values)
            {
                var raw = Field(csv, header, column);
                if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    errors.Add(Err(fileName, row, column, raw, "geen geheel getal (0 of meer, zonder scheidingstekens)", "not a whole number (0 or more, no separators)"));
                    continue;
                }

                list.Add(new MunicipalityFigure { NisCode = code, Value = value });
            }
        }

        if (errors.Count == 0 && seen.Count == 0)
        {
            errors.Add(Err(fileName, row, "nis_code", "", "het bestand heeft geen rijen met cijfers", "the file has no rows with figures"));
        }

        if (errors.Count > 0)
        {
            return Result<FigureFile>.Fail(errors);
        }

        var result = new Dictionary<DatasetKind, IReadOnlyList<MunicipalityFigure>>();
        foreach (var (column, list) in values)
        {
            result[column switch
            {
                "working_age_population" => DatasetKind.WorkingAgePopulation,
                "inhabitants" => DatasetKind.Inhabitants,
                _ => DatasetKind.JobSeekers,
            }] = list;
        }

        return Result<FigureFile>.Ok(new FigureFile(result));
    }

    private static string Field(CsvReader csv, string[] header, string column)
    {
        var index = Array.IndexOf(header, column);
        return index < csv.Parser.Count ? (csv.GetField(index) ?? "").Trim() : "";
    }

    private static string SetName(MunicipalitySet set) => set == MunicipalitySet.Set2019 ? "2019-2024" : "2025";

    public static DomainError Err(string file, int row, string field, string value, string nl, string en) =>
        DomainError.Invalid("validation", $"{file}, rij {row}, veld {field}, waarde '{CsvText.Shorten(value)}': {nl}.", $"{file}, row {row}, field {field}, value '{CsvText.Shorten(value)}': {en}.", field);

    private static Result<FigureFile> Error(string file, int row, string field, string value, string nl, string en) => Err(file, row, field, value, nl, en);
}
