using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Calls;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Features.Allocation;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Published;

/// <summary>The published allocations: public, no sign-in.</summary>
public sealed class PublishedFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AllowAnonymousToFolder("/Published");
    }

    public static void Api(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var published = api.MapGroup("/published-allocations").WithTags("Allocation").AllowAnonymous();
        published.MapGet("/", async (AllocationService allocation, CancellationToken ct) =>
            TypedResults.Ok((await allocation.ListRunsAsync(ct)).Where(r => r.IsPublished).Select(r => new PublishedAllocationSummaryDto(r.Id, r.CallVersionId, r.Budget.ToInvariantString(), r.EligibilityDate, r.PublishedAtUtc!.Value)).ToList()))
            .WithSummary("The published allocation runs, newest first. Public: no sign-in needed.");
        published.MapGet("/{id:int}", async Task<IResult> (int id, AllocationService allocation, ReferenceDataService data, CallService calls, CancellationToken ct) =>
            await allocation.GetRunAsync(id, ct) is { IsPublished: true } run
                ? TypedResults.Ok(await AllocationApi.RunDtoAsync(run, allocation, data, calls, ct))
                : Problems.From(Core.Common.DomainError.NotFound($"Gepubliceerde verdeling {id} bestaat niet.", $"Published allocation {id} does not exist.")))
            .WithSummary("One published allocation run (R13) with its lines and the call version and datasets it used (R14). Public; 404 for a run that is not published.")
            .Produces<AllocationDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status404NotFound);
    }
}
