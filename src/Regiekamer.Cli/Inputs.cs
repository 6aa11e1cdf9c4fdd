using System.Globalization;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Common;
using Regiekamer.Core.Imports;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Cli;

/// <summary>
/// Reads files and option values given on the command line. Each method adds its problems to <c>errors</c> and
/// goes on, so that one run reports every problem at once.
/// </summary>
internal static class Inputs
{
    /// <summary>The text of a file in UTF-8 (decoded strictly: another encoding or a binary file is an error naming the row).</summary>
    public static string? ReadFile(string path, List<DomainError> errors)
    {
        try
        {
            var text = CsvText.Decode(path, File.ReadAllBytes(path));
            errors.AddRange(text.Errors);
            return text.Value;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            errors.Add(DomainError.Invalid("file", $"{path}: het bestand bestaat niet.", $"{path}: the file does not exist.", "file"));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add(DomainError.Invalid(
                "file",
                $"{path}: het bestand kan niet gelezen worden ({e.Message}).",
                $"{path}: the file cannot be read ({e.Message}).",
                "file"));
            return null;
        }
    }

    public static IReadOnlyList<ValidPartnership>? Partnerships(string path, ReferenceSnapshot snapshot, List<DomainError> errors)
    {
        if (ReadFile(path, errors) is not { } text)
        {
            return null;
        }

        using var reader = new StringReader(text);
        var parsed = PartnershipCsv.Parse(path, reader, snapshot);
        errors.AddRange(parsed.Errors);
        return parsed.Value;
    }

    public static FigureFile? Figures(string path, FigureFileKind kind, ReferenceSnapshot snapshot, List<DomainError> errors)
    {
        if (ReadFile(path, errors) is not { } text)
        {
            return null;
        }

        using var reader = new StringReader(text);
        var parsed = FigureCsv.Parse(path, reader, kind, snapshot);
        errors.AddRange(parsed.Errors);
        return parsed.Value;
    }

    /// <summary>YYYY-MM-DD, e.g. 2025-01-15.</summary>
    public static DateOnly? Date(string option, string? text, List<DomainError> errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(DomainError.Invalid(
            "validation",
            $"{option}: '{text}' is geen datum; schrijf JJJJ-MM-DD, bv. 2025-01-15.",
            $"{option}: '{text}' is not a date; write YYYY-MM-DD, e.g. 2025-01-15.",
            option));
        return null;
    }

    /// <summary>Euros with a dot decimal and at most two decimals: 3000000 or 2999999.99.</summary>
    public static Money? Budget(string option, string? text, List<DomainError> errors)
    {
        if (Money.TryParseInvariant(text?.Trim(), out var money))
        {
            return money;
        }

        errors.Add(DomainError.Rule(
            Rules.R13,
            $"{option}: '{text}' is geen bedrag in euro; schrijf bv. 3000000 of 3000000.50 (punt als decimaalteken, hoogstens 2 decimalen, geen scheidingstekens).",
            $"{option}: '{text}' is not an amount in euros; write e.g. 3000000 or 3000000.50 (dot decimal, at most 2 decimals, no separators).",
            option));
        return null;
    }

    /// <summary>Three non-negative whole numbers with a positive sum: working age, job seekers, equal shares (R13).</summary>
    public static AllocationWeights? Weights(string option, string? text, List<DomainError> errors)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        var values = new int[parts.Length];
        var ok = parts.Length == 3;
        for (var i = 0; ok && i < parts.Length; i++)
        {
            ok = int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]);
        }

        if (ok && (long)values[0] + values[1] + values[2] > 0 && (long)values[0] + values[1] + values[2] <= int.MaxValue)
        {
            return new AllocationWeights(values[0], values[1], values[2]);
        }

        errors.Add(DomainError.Rule(
            Rules.R13,
            $"{option}: '{text}' zijn geen geldige gewichten; geef drie gehele getallen van 0 of meer met een som groter dan 0, in de volgorde beroepsactieven,werkzoekenden,gelijke delen (bv. 40,20,40).",
            $"{option}: '{text}' are not valid weights; give three whole numbers of 0 or more with a positive sum, in the order working age,job seekers,equal shares (e.g. 40,20,40).",
            option));
        return null;
    }
}
