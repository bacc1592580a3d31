# The platform image for docker-compose.yml (the distributed stack). Embedded engines need nothing of this.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build
ENV POSLEDGER_HOST=0.0.0.0 POSLEDGER_DATA=/data
VOLUME /data
EXPOSE 3001 3002
# The main thread's young generation as the app threads' (see the README's configuration).
ENTRYPOINT ["node", "--max-semi-space-size=64", "bin/posledger.js"]
CMD ["start"]
