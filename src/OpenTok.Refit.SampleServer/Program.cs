using OpenTok.Refit.SampleServer;

// dotnet run --project src/OpenTok.Refit.SampleServer
// With no OpenTok:ApiKey / OpenTok:ApiSecret configured it starts the OpenTok emulator in-process.
// If it cannot start, it says why in one line on standard error and exits with code 1.
return await SampleServerApp.RunAsync(args, Console.Error);
