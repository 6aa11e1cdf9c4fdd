using System.Globalization;
using Regiekamer.Core.Kbo;

namespace Regiekamer.Web.Features.Kbo;

public sealed record KboOfficeDto(string? Street, string? HouseNumber, string? Box, string? Zipcode, string? Municipality, string? Country);

public sealed record KboNaceDto(int Version, string Code, string? Label);

/// <summary>An enterprise as the KBO extract in force has it; <c>snapshotDate</c> is that extract's date (YYYY-MM-DD).</summary>
public sealed record KboEnterpriseDto(
    string Number,
    bool Active,
    string? Name,
    string? JuridicalForm,
    string? JuridicalFormCode,
    bool NaturalPerson,
    KboOfficeDto? RegisteredOffice,
    IReadOnlyList<KboNaceDto> Nace,
    string SnapshotDate,
    string Source)
{
    public static KboEnterpriseDto Of(KboEnterpriseInfo e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var o = e.RegisteredOffice;
        return new(
            e.Number.Value,
            e.Active,
            e.Name,
            e.JuridicalForm?.Label ?? e.JuridicalForm?.Code,
            e.JuridicalForm?.Code,
            e.NaturalPerson,
            o is null ? null : new KboOfficeDto(o.Street, o.HouseNumber, o.Box, o.Zipcode, o.Municipality, o.Country),
            e.Nace.Select(n => new KboNaceDto(n.Version, n.Code, n.Label)).ToList(),
            e.SnapshotDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "KBO Open Data (FOD Economie)");
    }
}

/// <summary>One import of an extract: what it is, how far it is and how it ended.</summary>
public sealed record KboImportDto(
    int Id,
    string Status,
    string Source,
    string? ExtractType,
    int? ExtractNumber,
    string? SnapshotDate,
    string RequestedBy,
    DateTime RequestedAtUtc,
    DateTime? FinishedAtUtc,
    string? CurrentFile,
    long RowsRead,
    int RowsPerSecond,
    int Enterprises,
    int Denominations,
    int Addresses,
    int Activities,
    string? Error)
{
    public static KboImportDto Of(KboSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.Status.ToString(), s.Source, s.ExtractType?.ToString(), s.ExtractNumber, s.SnapshotDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.RequestedBy, s.RequestedAtUtc, s.FinishedAtUtc, s.CurrentFile, s.RowsRead, s.RowsPerSecond, s.Enterprises, s.Denominations, s.Addresses, s.Activities, s.ErrorEn);
    }
}
