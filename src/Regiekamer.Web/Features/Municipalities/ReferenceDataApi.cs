using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Municipalities;

public static class ReferenceDataApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/reference").WithTags("Reference data").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/datasets", async (ReferenceDataService data, CancellationToken ct) =>
            TypedResults.Ok((await data.DatasetsAsync(ct)).Select(DatasetDto.Of).ToList()))
            .WithSummary("Every imported reference dataset (municipality list, reference regions, inhabitants, working-age population, job seekers) with its source, reference date and whether it is an estimate.");

        group.MapGet("/municipalities", async Task<IResult> (ReferenceDataService data, string? set, CancellationToken ct) =>
        {
            if (!TryParseSet(set, out var municipalitySet))
            {
                return Problems.Invalid("set", $"Gemeentelijst '{set}' bestaat niet; kies 2019 of 2025.", $"Municipality set '{set}' does not exist; choose 2019 or 2025.");
            }

            var s = await data.SnapshotAsync(municipalitySet, ct: ct);
            return TypedResults.Ok(new MunicipalityListDto(
                municipalitySet.ToString(),
                s.Municipalities.Count,
                SourceDto.Of(s.RegionDataset),
                SourceDto.Of(s.InhabitantsDataset),
                SourceDto.Of(s.WorkingAgeDataset),
                SourceDto.JobSeekers(s, s.JobSeekersEstimated),
                s.Municipalities.Select(m => ToDto(m, s)).ToList()));
        }).WithSummary("The municipalities of a set (?set=2019, the 300 of 2019-2024, the default; or 2025, the 285 after the mergers) with their reference region, figures and the datasets the figures come from. Job seekers are the latest call's (VDAB figures on the 2025 municipalities: on the 2019 set a merged municipality's share and Herstappe's suppressed value are estimates, each saying why).")
          .Produces<MunicipalityListDto>(StatusCodes.Status200OK)
          .ProducesProblems(StatusCodes.Status400BadRequest);

        group.MapGet("/regions", async (ReferenceDataService data, CancellationToken ct) => TypedResults.Ok(await data.RegionsAsync(ct)))
            .WithSummary("The reference regions (referentieregio's) a partnership must fit (R5).");
        group.MapGet("/boundaries/{set}", (string set, IWebHostEnvironment env) =>
        {
            var file = set switch
            {
                "2019" => "flanders_municipalities_2019-2024_300.geojson",
                "2025" => "flanders_municipalities_2025_285.geojson",
                "regions" => "flanders_referentieregios_2025.geojson",
                _ => null,
            };
            return file is null
                ? Problems.Invalid("set", $"Grenzen '{set}' bestaan niet; kies 2019, 2025 of regions.", $"Boundaries '{set}' do not exist; choose 2019, 2025 or regions.")
                : Results.File(Path.Combine(env.WebRootPath, "data", file), "application/geo+json");
        }).WithSummary("Boundaries as a GeoJSON FeatureCollection: the municipalities of 2019 (300) or 2025 (285), or the reference regions.")
          .ProducesGeoJson("Each feature's properties: nis_code and name_nl for a municipality, refreg_code and refreg_name for a reference region.")
          .ProducesProblems(StatusCodes.Status400BadRequest);
    }

    public static bool TryParseSet(string? text, out MunicipalitySet set)
    {
        set = MunicipalitySet.Set2019;
        switch (text?.Trim())
        {
            case null or "" or "2019" or "300" or "Set2019":
                return true;
            case "2025" or "285" or "Set2025":
                set = MunicipalitySet.Set2025;
                return true;
            default:
                return false;
        }
    }

    public static MunicipalityDto ToDto(Municipality m, ReferenceSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(s);
        var region = s.Region(m.NisCode);
        return new MunicipalityDto(
            m.NisCode.Value, m.Name, m.ProvinceName, m.ArrondissementName, region?.RegionCode, region?.RegionName, m.IsCentralCity,
            s.Inhabitants(m.NisCode), s.WorkingAge(m.NisCode), s.JobSeekers(m.NisCode), m.SuccessorNisCode?.Value, m.Merged2025,
            s.JobSeekerEstimate(m.NisCode) is { } e ? EstimatedFigureDto.Of(e) : null);
    }
}
