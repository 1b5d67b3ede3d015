using OpenTok.Refit.SampleServer;

// dotnet run --project src/OpenTok.Refit.SampleServer
// With no OpenTok:ApiKey / OpenTok:ApiSecret configured it starts the OpenTok emulator in-process.
var app = await SampleServerApp.BuildAsync(args);
await app.RunAsync();
