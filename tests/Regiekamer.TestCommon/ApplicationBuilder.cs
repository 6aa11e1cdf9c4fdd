using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;

namespace Regiekamer.TestCommon;

/// <summary>
/// An application dossier to create through the real services: <c>await services.CreateApplicationAsync()</c> (a draft
/// of a new partnership of its own), <c>a => a.For(partnership.Id).Complete()</c> (everything filled in so that it
/// can be submitted), <c>a => a.Complete().Submitted()</c>.
/// </summary>
public sealed class ApplicationBuilder
{
    internal int? PartnershipId { get; private set; }

    internal bool IsComplete { get; private set; }

    internal bool IsSubmitted { get; private set; }

    internal DateOnly? Extension { get; private set; }

    internal ApplicationBuilder()
    {
    }

    /// <summary>The partnership whose dossier it is (default: a new central city of its own).</summary>
    public ApplicationBuilder For(int partnershipId)
    {
        PartnershipId = partnershipId;
        return this;
    }

    /// <summary>The information form filled in, one action per priority per year (R10) and every member's commitment statement (R7b).</summary>
    public ApplicationBuilder Complete()
    {
        IsComplete = true;
        return this;
    }

    /// <summary>Complete, and submitted (version 1).</summary>
    public ApplicationBuilder Submitted()
    {
        IsComplete = true;
        IsSubmitted = true;
        return this;
    }

    /// <summary>An extension of R8 recorded before anything else (for a clock past the call's deadline).</summary>
    public ApplicationBuilder ExtendedUntil(DateOnly until)
    {
        Extension = until;
        return this;
    }

    /// <summary>A valid Belgian enterprise number (the Flemish Community's, 0316.381.039).</summary>
    public const string Kbo = "0316381039";

    /// <summary>A valid Belgian IBAN (the standard example, BE68 5390 0754 7034).</summary>
    public const string Iban = "BE68539007547034";

    /// <summary>The smallest content a dossier takes as a PDF.</summary>
    public static byte[] Pdf(string text = "verbintenisverklaring") => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n%%EOF\n");

    private static readonly string[] Priorities = ["WSE-LR1", "WSE-LR2", "WSE-LR3", "WSE-LR4"];

    /// <summary>One action per priority, running every year of the period with an amount.</summary>
    public static IReadOnlyList<ActionInput> FullPlan(int firstYear, int lastYear) =>
        Priorities.Select((code, i) => new ActionInput(
                "Beleidsdoelstelling sociale economie en werk",
                "Actieplan regie",
                $"Concrete actie {i + 1} voor {code}",
                $"<p>Wat en waarom: actie {i + 1}.</p><p>Rol van de regisseur: trekker.</p>",
                null,
                code,
                Enumerable.Range(firstYear, lastYear - firstYear + 1).ToDictionary(y => y, y => (string?)$"{(i + 1) * 1000 + y - firstYear},00")))
            .ToList();

    public static InformationInput Information() => new(
        true,
        Kbo,
        Iban,
        new ContactInput("Rita Regisseur", "rita.regisseur@test.regiekamer", "09 123 45 67"),
        new ContactInput("Olivier Ondertekenaar", "olivier.ondertekenaar@test.regiekamer", null),
        false);
}

public static class ApplicationBuilders
{
    /// <summary>Creates a dossier for the latest call; fails the test when a service refuses.</summary>
    public static async Task<Application> CreateApplicationAsync(this IServiceProvider services, Action<ApplicationBuilder>? build = null, Actor? actor = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new ApplicationBuilder();
        build?.Invoke(builder);
        var partnershipId = builder.PartnershipId ?? (await services.CreatePartnershipAsync(actor: actor)).Id;
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor ?? Actor.System;
        var applications = scope.ServiceProvider.GetRequiredService<ApplicationService>();
        var call = await scope.ServiceProvider.GetRequiredService<CallService>().LatestAsync();
        Xunit.Assert.NotNull(call);
        var started = await applications.StartAsync(partnershipId, call.Id);
        Xunit.Assert.True(started.IsSuccess, Describe(started.Errors));
        var id = started.Value!.Id;
        if (builder.Extension is { } until)
        {
            var extended = await scope.ServiceProvider.GetRequiredService<ReviewService>().GrantExtensionAsync(id, until, "Testdossier na de indiendatum");
            Xunit.Assert.True(extended.IsSuccess, Describe(extended.Errors));
        }

        if (builder.IsComplete)
        {
            var info = await applications.UpdateInformationAsync(id, ApplicationBuilder.Information(), started.Value.InformationVersion);
            Xunit.Assert.True(info.IsSuccess, Describe(info.Errors));
            foreach (var action in ApplicationBuilder.FullPlan(call.FirstYear, call.LastYear))
            {
                var added = await applications.AddActionAsync(id, action);
                Xunit.Assert.True(added.IsSuccess, Describe(added.Errors));
            }

            var application = await applications.GetAsync(id);
            var partnership = await scope.ServiceProvider.GetRequiredService<Core.Partnerships.PartnershipService>().GetAsync(application!.PartnershipId);
            if (DossierCheck.NeedsCommitment(partnership!))
            {
                foreach (var member in partnership!.Members)
                {
                    using var pdf = new MemoryStream(ApplicationBuilder.Pdf($"verbintenis {member.NisCode.Value}"));
                    var today = scope.ServiceProvider.GetRequiredService<BrusselsClock>().Today;
                    var added = await applications.AddAttachmentAsync(id, AttachmentKind.CommitmentStatement, $"verbintenis-{member.NisCode.Value}.pdf", pdf, member.NisCode.Value, today.AddDays(-30));
                    Xunit.Assert.True(added.IsSuccess, Describe(added.Errors));
                }
            }
        }

        if (builder.IsSubmitted)
        {
            var submitted = await scope.ServiceProvider.GetRequiredService<SubmissionService>().SubmitAsync(id);
            Xunit.Assert.True(submitted.IsSuccess, Describe(submitted.Errors));
        }

        return (await applications.GetAsync(id))!;
    }

    public static string Describe(IReadOnlyList<DomainError> errors) =>
        string.Join(" | ", errors.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Code} {e.Field}: {e.Message.En}")));
}
