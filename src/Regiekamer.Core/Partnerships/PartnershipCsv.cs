using CsvHelper;
using Regiekamer.Core.Common;
using Regiekamer.Core.Imports;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Partnerships;

/// <summary>
/// Reads a file of partnerships (the CLI's <c>--partnerships</c>): header
/// <c>name,kind,members,managing_municipality,status</c>, optionally <c>change_motivation</c> (R6). Members are
/// separated by <c>;</c> and may be NIS codes or Dutch names. Each row goes through
/// <see cref="PartnershipService.Validate"/>; every error names the file, the row (the header is row 1), the field
/// and the value, and one bad row means nothing is returned. Text that is no CSV (binary, a stray quote, a huge
/// field) is an error too, never an exception (<see cref="CsvText"/>).
/// </summary>
public static class PartnershipCsv
{
    public static readonly IReadOnlyList<string> RequiredColumns = ["name", "kind", "members", "managing_municipality", "status"];

    public const string ChangeMotivationColumn = "change_motivation";

    public const char MemberSeparator = ';';

    public static Result<IReadOnlyList<ValidPartnership>> Parse(string fileName, TextReader reader, ReferenceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = reader.ReadToEnd();
        if (CsvText.Check(fileName, text) is { } binary)
        {
            return Fail(binary);
        }

        string[]? header = null;
        using var csv = CsvText.Reader(new StringReader(text));
        try
        {
            return Parse(fileName, csv, snapshot, h => header = h);
        }
        catch (CsvHelperException e)
        {
            return Fail(CsvText.Unreadable(fileName, e, header));
        }
    }

    private static Result<IReadOnlyList<ValidPartnership>> Parse(string fileName, CsvReader csv, ReferenceSnapshot snapshot, Action<string[]> readHeader)
    {
        var errors = new List<DomainError>();
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            return Fail(FigureCsv.Err(fileName, 1, "header", "", $"het bestand is leeg; verwacht kolommen {string.Join(",", RequiredColumns)}", $"the file is empty; expected columns {string.Join(",", RequiredColumns)}"));
        }

        var header = csv.HeaderRecord.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        readHeader(header);
        foreach (var column in RequiredColumns.Where(c => !header.Contains(c)))
        {
            errors.Add(FigureCsv.Err(fileName, 1, column, string.Join(",", header), $"kolom '{column}' ontbreekt", $"column '{column}' is missing"));
        }

        if (errors.Count > 0)
        {
            return Fail(errors);
        }

        var partnerships = new List<ValidPartnership>();
        var rowOfName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var row = 1;
        while (csv.Read())
        {
            row = csv.Parser.Row;
            var cells = header.Distinct().ToDictionary(c => c, c => Field(csv, header, c), StringComparer.Ordinal);
            var members = cells["members"].Split(MemberSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var input = new PartnershipInput(
                cells["name"],
                cells["kind"],
                cells["status"],
                members,
                cells["managing_municipality"],
                cells.GetValueOrDefault(ChangeMotivationColumn));
            var name = cells["name"];
            if (name.Length > 0 && !rowOfName.TryAdd(name, row))
            {
                errors.Add(FigureCsv.Err(fileName, row, "name", name, $"een regieverband met deze naam staat al op rij {rowOfName[name]}", $"a partnership with this name is already on row {rowOfName[name]}"));
            }

            var valid = PartnershipService.Validate(input, snapshot);
            if (!valid.IsSuccess)
            {
                var unknownMembers = new Queue<string>(members.Where(m => snapshot.Find(m) is null));
                foreach (var error in valid.Errors)
                {
                    var column = Column(error.Field);
                    var value = cells.GetValueOrDefault(column, "");
                    if (column == "members" && unknownMembers.Count > 0 && error.Message.Nl.Contains($"'{unknownMembers.Peek()}'", StringComparison.Ordinal))
                    {
                        value = unknownMembers.Dequeue();
                    }

                    errors.Add(FigureCsv.Err(fileName, row, column, value, Sentence(error.Message.Nl), Sentence(error.Message.En)) with { Code = error.Code, Kind = error.Kind });
                }

                continue;
            }

            partnerships.Add(valid.Value!);
        }

        if (errors.Count == 0 && partnerships.Count == 0)
        {
            errors.Add(FigureCsv.Err(fileName, row, "name", "", "het bestand bevat geen regieverbanden", "the file holds no partnerships"));
        }

        return errors.Count > 0 ? Fail(errors) : Result<IReadOnlyList<ValidPartnership>>.Ok(partnerships);
    }

    private static string Field(CsvReader csv, string[] header, string column)
    {
        var index = Array.IndexOf(header, column);
        return index < csv.Parser.Count ? (csv.GetField(index) ?? "").Trim() : "";
    }

    // PartnershipService names fields as the web form does; the errors here name the CSV column.
    private static string Column(string? field) => field switch
    {
        "managingMunicipality" => "managing_municipality",
        "changeMotivation" => ChangeMotivationColumn,
        null => "",
        _ => field,
    };

    // FigureCsv.Err ends the sentence itself.
    private static string Sentence(string message) => message.TrimEnd().TrimEnd('.');

    private static Result<IReadOnlyList<ValidPartnership>> Fail(params DomainError[] errors) => Result<IReadOnlyList<ValidPartnership>>.Fail(errors);

    private static Result<IReadOnlyList<ValidPartnership>> Fail(IReadOnlyList<DomainError> errors) => Result<IReadOnlyList<ValidPartnership>>.Fail(errors);
}
