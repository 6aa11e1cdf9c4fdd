using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Common;
using Regiekamer.Core.Grants;

namespace Regiekamer.TestCommon;

/// <summary>
/// Decrees in every state the public side tells apart, through the real services: a draft, a published decree, and
/// an amendment that moves an amount from one line to another (<see cref="CreateAmendmentAsync"/>).
/// </summary>
public static class OpenDataBuilders
{
    /// <summary>Drafts the year's decree from the run and leaves it a draft.</summary>
    public static async Task<Decree> CreateDraftDecreeAsync(this IServiceProvider services, AllocationRun run, int year, string number)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(run);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Actor.System;
        var drafted = await scope.ServiceProvider.GetRequiredService<DecreeService>().DraftAsync(new DecreeDraftInput(run.Id, year, number, new DateOnly(year, 3, 1)));
        Xunit.Assert.True(drafted.IsSuccess, ApplicationBuilders.Describe(drafted.Errors));
        return drafted.Value!;
    }

    /// <summary>Drafts, signs and publishes the year's decree.</summary>
    public static async Task<Decree> CreatePublishedDecreeAsync(this IServiceProvider services, AllocationRun run, int year, string number) =>
        await services.PublishDecreeAsync(await services.CreateSignedDecreeAsync(run, year, number));

    /// <summary>Publishes a signed decree.</summary>
    public static async Task<Decree> PublishDecreeAsync(this IServiceProvider services, Decree decree)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(decree);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Actor.System;
        var decrees = scope.ServiceProvider.GetRequiredService<DecreeService>();
        var current = (await decrees.GetAsync(decree.Id))!;
        var published = await decrees.PublishAsync(decree.Id, current.Version);
        Xunit.Assert.True(published.IsSuccess, ApplicationBuilders.Describe(published.Errors));
        return (await decrees.GetAsync(decree.Id))!;
    }

    /// <summary>
    /// An amending decree of <paramref name="decree"/> that moves <paramref name="moved"/> from the line of
    /// <paramref name="fromPartnership"/> to the line of <paramref name="toPartnership"/> (the lines still add up to the
    /// budget, R13), signed.
    /// </summary>
    public static async Task<Decree> CreateAmendmentAsync(this IServiceProvider services, Decree decree, string number, int fromPartnership, int toPartnership, Money moved, string reason)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(decree);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Actor.System;
        var decrees = scope.ServiceProvider.GetRequiredService<DecreeService>();
        var amendment = await decrees.AmendAsync(decree.Id, new DecreeInput(number, new DateOnly(decree.Year, 9, 1), AmendmentReason: reason));
        Xunit.Assert.True(amendment.IsSuccess, ApplicationBuilders.Describe(amendment.Errors));
        var from = amendment.Value!.Lines.Single(l => l.PartnershipId == fromPartnership);
        var to = amendment.Value.Lines.Single(l => l.PartnershipId == toPartnership);
        var (fromAmount, toAmount) = (from.Amount, to.Amount);
        var changed = await decrees.SetAmountAsync(amendment.Value.Id, from.Id, (fromAmount - moved).ToInvariantString(), amendment.Value.Version);
        Xunit.Assert.True(changed.IsSuccess, ApplicationBuilders.Describe(changed.Errors));
        changed = await decrees.SetAmountAsync(amendment.Value.Id, to.Id, (toAmount + moved).ToInvariantString(), changed.Value!.Version);
        Xunit.Assert.True(changed.IsSuccess, ApplicationBuilders.Describe(changed.Errors));
        var signed = await decrees.SignAsync(amendment.Value.Id, changed.Value!.Version);
        Xunit.Assert.True(signed.IsSuccess, ApplicationBuilders.Describe(signed.Errors));
        return (await decrees.GetAsync(amendment.Value.Id))!;
    }
}
