using Regiekamer.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddRegiekamerWeb();
var app = builder.Build();
await app.UseRegiekamerWebAsync();
await app.RunAsync();

/// <summary>Entry point; public so WebApplicationFactory can start the app in tests.</summary>
public partial class Program;
