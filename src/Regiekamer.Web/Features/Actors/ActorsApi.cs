using Regiekamer.Core.Accounts;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;
using Actor = Regiekamer.Core.Actors.Actor;

namespace Regiekamer.Web.Features.Actors;

/// <summary>
/// The actor inventory's API. Everything under /partnerships/{partnershipId}/actors belongs to that partnership: the
/// partnership gate judges the caller before a handler runs (its regisseur edits, the department reads), and the
/// service finds an actor only within that partnership (another partnership's actor is a 404). Changes carry the
/// version read: 409 when stale. The department lists every actor (/actors) and extends the kinds (/actor-kinds).
/// </summary>
public static class ActorsApi
{
    private static readonly int[] WriteProblems = [StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity];

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        var kinds = api.MapGroup("/actor-kinds").WithTags("Actors").RequireAuthorization(Policies.SignedIn);
        kinds.MapGet("/", async (ActorService actors, CancellationToken ct) => TypedResults.Ok((await actors.KindsAsync(ct)).Select(ActorKindDto.Of).ToList()))
            .WithSummary("The kinds of social-economy actor (maatwerkbedrijf, LDE, …): the built-in ones and those the department added.")
            .Produces<List<ActorKindDto>>(StatusCodes.Status200OK);
        kinds.MapPost("/", async Task<IResult> (ActorKindRequest body, ActorService actors, CancellationToken ct) =>
            {
                var added = await actors.AddKindAsync(body.Code, body.NameNl, body.NameEn, ct);
                return added.IsSuccess ? TypedResults.Created($"/api/v1/actor-kinds", ActorKindDto.Of(added.Value!)) : Problems.From(added.Errors);
            })
            .RequireAuthorization(Policies.Department)
            .WithSummary("The department adds a kind: a code of lower-case letters, digits and hyphens, and its Dutch and English name. 409 when the code exists. Kinds are never removed.")
            .Produces<ActorKindDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);

        api.MapGet("/actors", async (string? kind, string? municipality, bool? archived, ActorService actors, CancellationToken ct) =>
                TypedResults.Ok((await actors.ListAsync(null, new ActorFilter(kind, municipality, archived == true), ct)).Select(ActorSummaryDto.Of).ToList()))
            .WithTags("Actors")
            .RequireAuthorization(Policies.Department)
            .WithSummary("The department's list of every partnership's actors, by name; filters kind, municipality (NIS, address or served) and archived=true to include archived ones.")
            .Produces<List<ActorSummaryDto>>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden);

        var group = api.MapGroup("/partnerships/{partnershipId:int}/actors").WithTags("Actors").RequireAuthorization(Policies.SignedIn).RequirePartnership(PartnershipPermission.Read);
        group.MapGet("/", async (int partnershipId, string? kind, string? municipality, bool? archived, ActorService actors, CancellationToken ct) =>
                TypedResults.Ok((await actors.ListAsync(partnershipId, new ActorFilter(kind, municipality, archived == true), ct)).Select(ActorSummaryDto.Of).ToList()))
            .WithSummary("The partnership's actors, by name; archived ones only with archived=true.")
            .Produces<List<ActorSummaryDto>>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        group.MapPost("/", async Task<IResult> (int partnershipId, ActorRequest body, ActorService actors, CancellationToken ct) =>
            {
                var created = await actors.CreateAsync(partnershipId, body.ToInput(), ct: ct);
                return created.IsSuccess
                    ? TypedResults.Created($"/api/v1/partnerships/{partnershipId}/actors/{created.Value!.Id}", ActorDto.Of(created.Value, []))
                    : Problems.From(created.Errors);
            })
            .RequirePartnership(PartnershipPermission.Edit)
            .WithSummary("Adds an actor to the partnership's inventory: 400 naming the field for bad input, 422 errorCode KBO for an enterprise number whose check digits are wrong.")
            .Produces<ActorDto>(StatusCodes.Status201Created)
            .ProducesProblems(WriteProblems);

        var one = group.MapGroup("/{actorId:int}");
        one.MapGet("/", async Task<IResult> (int partnershipId, int actorId, ActorService actors, CancellationToken ct) =>
                await actors.GetAsync(partnershipId, actorId, ct) is { } a ? TypedResults.Ok(ActorDto.Of(a, await actors.LinksAsync(a.Id, ct))) : Problems.From(ActorService.NotFound(actorId)))
            .WithSummary("One actor with its recognitions, contacts, ties to the local governments and links to other actors.")
            .Produces<ActorDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        Write(one.MapPut("/", async (int partnershipId, int actorId, ActorRequest body, ActorService actors, CancellationToken ct) =>
                await Answer(actors, await actors.UpdateAsync(partnershipId, actorId, body.ToInput(), body.Version, ct), ct)),
            "Changes the actor's fields, target groups and municipalities served, with the version read (409 when stale or archived).");
        Write(one.MapPost("/archive", async (int partnershipId, int actorId, ActorVersionRequest body, ActorService actors, CancellationToken ct) =>
                await Answer(actors, await actors.ArchiveAsync(partnershipId, actorId, body.Version, ct), ct)),
            "Archives the actor (never deleted): hidden from lists unless asked for, its history kept.");
        Write(one.MapPost("/restore", async (int partnershipId, int actorId, ActorVersionRequest body, ActorService actors, CancellationToken ct) =>
                await Answer(actors, await actors.RestoreAsync(partnershipId, actorId, body.Version, ct), ct)),
            "Restores an archived actor.");
        Write(one.MapPost("/recognitions", async (int partnershipId, int actorId, RecognitionRequest body, ActorService actors, CancellationToken ct) =>
                await Answer(actors, await actors.AddRecognitionAsync(partnershipId, actorId, new RecognitionInput(body.What, body.GrantedBy, body.ValidFrom, body.ValidUntil), body.Version, ct), ct)),
            "Adds a recognition: what, by whom (e.g. Departement WSE), from, until.");
        Write(one.MapDelete("/recognitions/{recognitionId:int}", async (int partnershipId, int actorId, int recognitionId, int version, ActorService actors, CancellationToken ct) =>
                await Answer(actors, await actors.RemoveRecognitionAsync(partnershipId, actorId, recognitionId, version, ct), ct)),
            "Removes a recognition, with the actor's version read.");
        Write(one.MapPost("/contacts", async (int partnershipId, int actorId, ContactRequest body, ActorService actors, CancellationToken ct) =>
                await Answer(actors, await actors.AddContactAsync(partnershipId, actorId, new ContactInput(body.Name, body.Role, body.Email, body.Phone, body.PublicationConsent), body.Version, ct), ct)),
            "Adds a contact person (personal data: name, role, e-mail, phone, and whether they consent to publication).");
        Write(one.MapDelete("/contacts/{contactId:int}", async (int partnershipId, int actorId, int contactId, int version, ActorService actors, CancellationToken ct) =>
                await Answer(actors, await actors.RemoveContactAsync(partnershipId, actorId, contactId, version, ct), ct)),
            "Removes a contact person: the row is deleted, the audit trail keeps erasable references only.");
        Write(one.MapPost("/ties", async (int partnershipId, int actorId, TieRequest body, ActorService actors, CancellationToken ct) =>
                await Answer(actors, await actors.AddTieAsync(partnershipId, actorId, new TieInput(body.MunicipalityNisCode, body.Kind, body.Note), body.Version, ct), ct)),
            "Adds a tie with a member municipality of the partnership (seed 001, 1.2.2): eigen-actor, klantrelatie, samenwerkingsovereenkomst, bestuurszetel-institutioneel, bestuurszetel-persoonlijk. 409 for the same tie twice.");
        Write(one.MapDelete("/ties/{tieId:int}", async (int partnershipId, int actorId, int tieId, int version, ActorService actors, CancellationToken ct) =>
                await Answer(actors, await actors.RemoveTieAsync(partnershipId, actorId, tieId, version, ct), ct)),
            "Removes a tie.");
        Write(one.MapPost("/links", async (int partnershipId, int actorId, LinkRequest body, ActorService actors, CancellationToken ct) =>
                await Answer(actors, await actors.AddLinkAsync(partnershipId, actorId, new LinkInput(body.OtherActorId, body.About, body.Since), body.Version, ct), ct)),
            "Records that the actor works with another actor of the partnership, on what, since when; shown on both. 400 for a self-link, 409 for a link that exists in either direction.");
        Write(one.MapDelete("/links/{linkId:int}", async (int partnershipId, int actorId, int linkId, int version, ActorService actors, CancellationToken ct) =>
                await Answer(actors, await actors.RemoveLinkAsync(partnershipId, actorId, linkId, version, ct), ct)),
            "Removes a link between two actors.");
    }

    private static void Write(RouteHandlerBuilder endpoint, string summary) =>
        endpoint.RequirePartnership(PartnershipPermission.Edit)
            .WithSummary(summary)
            .Produces<ActorDto>(StatusCodes.Status200OK)
            .ProducesProblems(WriteProblems);

    private static async Task<IResult> Answer(ActorService actors, Result<Actor> result, CancellationToken ct) =>
        result.IsSuccess ? TypedResults.Ok(ActorDto.Of(result.Value!, await actors.LinksAsync(result.Value!.Id, ct))) : Problems.From(result.Errors);
}
