using System.Globalization;
using System.Text;
using Regiekamer.Core.Common;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.TestCommon;

/// <summary>Inputs and files for tests, in the words of the domain.</summary>
public static class TestData
{
    /// <summary>A central city applying alone (R1; no minimum size, R2).</summary>
    public static PartnershipInput CentralCity(string city, string? name = null) =>
        new(name ?? $"Regie {city}", PartnershipKind.CentralCity.Code(), PartnershipStatus.New.Code(), [city]);

    /// <summary>A new interlocal association with its managing municipality (R4).</summary>
    public static PartnershipInput InterlocalAssociation(string name, string managing, params string[] members) =>
        new(name, PartnershipKind.InterlocalAssociation.Code(), PartnershipStatus.New.Code(), members, managing);

    /// <summary>A job-seeker file as VDAB would deliver it: <c>nis_code,job_seekers</c>.</summary>
    public static string JobSeekersCsv(IEnumerable<(NisCode Code, long JobSeekers)> rows) =>
        Csv("nis_code,job_seekers", rows.Select(r => $"{r.Code},{r.JobSeekers.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>A population file: <c>nis_code,working_age_population,inhabitants</c>.</summary>
    public static string PopulationCsv(IEnumerable<(NisCode Code, long WorkingAge, long Inhabitants)> rows) =>
        Csv("nis_code,working_age_population,inhabitants", rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Code},{r.WorkingAge},{r.Inhabitants}")));

    public static string Csv(string header, IEnumerable<string> lines)
    {
        var sb = new StringBuilder(header).Append('\n');
        foreach (var line in lines)
        {
            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }
}
